/**
 * The command-line program. Commands import their modules lazily so that
 * `workplan check` never loads the rendering stack (docx, handlebars).
 */
import { Command, CommanderError, Option } from 'commander';
import { translateCommanderMessage } from './commander-zh.js';
import { BUILD_CHOICES } from '../pipeline/build-options.js';
import { explainStdoutError } from '../pipeline/stdout-errors.js';
import { UsageError } from '../usage-error.js';
import { readVersion } from './version.js';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

/** commander's "(choices: …, default: …)" suffix, in Chinese. */
function describeOption(option: Option): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(`可选：${option.argChoices.join('、')}`);
  if (option.defaultValue !== undefined && !option.negate) extra.push(`缺省：${String(option.defaultValue)}`);
  return extra.length ? `${option.description}（${extra.join('；')}）` : option.description;
}


export function createProgram(): Command {
  const program = new Command('workplan');
  program
    .description('把 YAML 工作计划编译成符合 GB/T 9704-2012 的公文，并检查计划文件')
    .version(readVersion(), '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .configureHelp({ styleTitle: (title: string) => TITLES[title] ?? title, optionDescription: describeOption })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(`workplan：${translateCommanderMessage(message)}`) })
    .addHelpText(
      'after',
      `
示例：
  workplan check                         检查 plans/ 下的全部计划
  workplan check plans/2025.yaml --format github
  workplan build plans/2025.yaml         生成工作安排意见（out/*.docx）
  workplan import 2025年要点.docx -o plans/2026-要点.yaml
                                         把去年的 Word 文稿导入为计划文件
  workplan status --as-of 2025-09-30     督办：各单位推进情况、逾期举措和天数（--to docx 生成督办通报）
  workplan import-progress forms/*.xlsx --into plans/2025.yaml
                                         读回各单位填好的进展填报表（status --forms 生成）
  workplan diff                          对照 plans/ 中最近两个年度的同名计划：新增、调整、延续、删除
  workplan init my-plans                 新建计划仓库
  workplan draft speech plans/2025.yaml  据进展起草汇报发言，数字写成引用
  workplan schema > plan.schema.json     输出计划文件的 JSON Schema

退出码：0 没有问题；1 发现问题；2 无法运行（参数错误、文件无法读取）。
设置 NO_COLOR 环境变量或使用 --no-color 可关闭颜色。`,
    );

  program
    .command('check')
    .description('检查计划文件：YAML 语法、字段、日期、写作规范')
    .argument('[paths...]', '计划文件或目录（递归查找 *.yaml、*.yml），缺省为 plans/；“-”从标准输入读入一个计划')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['stylish', 'json', 'github', 'sarif']).default('stylish'))
    .option('--max-warnings <n>', '警告超过这个数量时也以退出码 1 结束')
    .option('--fix', '自动修正可以安全修正的问题（标点、发文字号、手打序号），保留注释和格式')
    .option('--fix-dry-run', '只显示 --fix 会做的修改（diff），不写文件')
    .option('--shard <i/n>', '只处理 n 片中的第 i 片（按计划文件相对仓库根目录的路径的散列划分，供 CI 矩阵并行）')
    .option('--no-color', '不使用颜色')
    .addHelpText(
      'after',
      `
输出格式：
  stylish  按文件分组，每行“文件:行:列  级别  说明  规则”，末尾汇总
  json     Diagnostic 数组：{ ruleId, severity, message, file, line, column, endLine, endColumn, path }
  github   GitHub Actions 工作流命令（::error file=…,line=…::…），在拉取请求中直接标注
  sarif    SARIF 2.1.0，供代码扫描（code scanning）上传

在计划文件里屏蔽某条规则：
  # workplan-disable-next-line punctuation-width     只屏蔽下一行
  # workplan-disable measure-owner                   从此处起屏蔽（到 # workplan-enable measure-owner 为止）`,
    )
    .action(async (paths: string[], options) => {
      const { runCheck } = await import('./check.js');
      program.setOptionValue('exitCode', await runCheck(paths, options));
    });

  program
    .command('build')
    .description('生成文稿：工作安排意见、汇报发言、重点任务分工表（.docx、.md、.csv、.xlsx）')
    .argument('<paths...>', '计划文件或目录；“-”从标准输入读入一个计划')
    .addOption(
      new Option('-d, --doc <doc>', '文稿：opinion 工作安排意见，speech 汇报发言，tasks 重点任务分工表（缺省按计划的 kind）').choices(BUILD_CHOICES.documents),
    )
    .option('-t, --to <formats>', `输出格式，可用逗号分隔多个：${BUILD_CHOICES.formats.join('、')}（csv 和 xlsx 只用于分工表）`, 'docx')
    .option('--unit <name>', '分工表只列这个单位牵头或参与的举措，并注明职责')
    .option('--task-text', '分工表的“工作任务”列在标题后附上举措正文')
    .addOption(
      new Option('--task-numbers <mode>', '分工表的序号：sequence 从 1 连续编号（缺省），sections 加各部分的标题行、仍从 1 连续编号，outline 沿用意见中的编号（一、1）；优先于计划的 table.numbering').choices(
        BUILD_CHOICES.taskNumbers,
      ),
    )
    .addOption(
      new Option('--letterhead <mode>', '红头：red 印红色发文机关标志和分隔线（计划有 letterhead 时的缺省），preprinted 为预印红头的公文纸留出位置，none 不要红头').choices(
        BUILD_CHOICES.letterheads,
      ),
    )
    .addOption(new Option('--script <script>', '文字：hans 简体，hant 繁体（缺省与计划相同；换一种文字时整篇转换，只转字形不改用词）').choices(BUILD_CHOICES.scripts))
    .option('-o, --output <path>', '输出文件或文件夹（缺省 out/）；“-”把 Markdown 或 CSV 写到标准输出')
    .option('--owners', '在每项举措后附上（牵头单位：…；责任单位：…；完成时限：…）')
    .option('--check', '不写文件，只检查已有的文稿是否与计划现在生成的结果一致（不一致时退出码 1）')
    .option(
      '--redline <old>',
      '修订稿：与旧版本（一个计划文件，或 git 的版本：HEAD~1、v2025、v2025:plans/x.yaml）相比的改动写成 Word 的修订：文稿照常生成，另外生成修订稿“…-修订.docx”（-o 文件.docx 时修订稿为“文件-修订.docx”）',
    )
    .option('--shard <i/n>', '只生成 n 片中的第 i 片计划（按计划文件相对仓库根目录的路径的散列划分，供 CI 矩阵并行）')
    .option('-w, --watch', '生成后继续监视：计划、workplan.config.yaml 或模板改动时重新生成，每次一行并给出用时（Ctrl-C 结束）')
    .option('--require-fonts', '文稿所用的字体（小标宋、仿宋_GB2312、黑体、楷体_GB2312、宋体、Times New Roman）有未安装的时，不生成并以退出码 2 结束（详见 workplan doctor）')
    .option('--no-color', '不使用颜色')
    .addHelpText(
      'after',
      `
示例：
  workplan build plans/2025-工作安排意见.yaml             生成 out/2025-工作安排意见.docx
  workplan build plans/ --to docx,md -o dist/           每个计划生成 .docx 和 .md
  workplan build plans/2025.yaml --to md -o -           Markdown 写到标准输出
  workplan build plans/2025.yaml --doc speech           据计划的 speech 块和进展生成汇报发言，并报告字数和朗读时间
  workplan build plans/ --check                         提交的文稿过期时失败（在 CI 中使用）
  workplan build plans/2025.yaml --doc tasks --to docx,xlsx   重点任务分工表（横向表格；xlsx 作台账，也可 --to csv）
  workplan build plans/2025.yaml --doc tasks --unit 区工商联   某个单位自己的任务清单
  workplan build plans/2025.yaml --to docx,pdf          同时用 LibreOffice（soffice）把 .docx 转成 PDF
  workplan build plans/2026.yaml --redline HEAD~1       out/2026.docx，和改动标成修订的 out/2026-修订.docx

计划有错误时不生成任何文件，输出与 check 相同的诊断并以退出码 1 结束。
一次生成的所有文件先写入同一文件夹的临时文件，全部写好后才一起改名：不会留下半个文件，
中途被打断时下次运行会补完或清理；不会覆盖输入的计划。
同一输入总是生成逐字节相同的 .docx 和 .xlsx（文档日期取成文日期，或 SOURCE_DATE_EPOCH）。`,
    )
    .action(async (paths: string[], options) => {
      const { runBuild } = await import('./build.js');
      program.setOptionValue('exitCode', await runBuild(paths, options));
    });

  program
    .command('import')
    .description('导入已有的文稿（.docx、.txt、.md）或 Excel 分工表（.xlsx、.csv）为计划文件，作为明年计划的起点')
    .argument('<files...>', '要导入的文稿；“-”从标准输入读入（文本，--stdin-format 说明是 txt 还是 md）')
    .option('-o, --output <file|dir>', '写到这个 .yaml 文件或文件夹；“-”写到标准输出（缺省：文稿旁边的同名 .yaml）')
    .option('--force', '覆盖已存在的计划文件')
    .option('--fix', '导入后应用 check --fix 的安全修正（标点、发文字号、手打序号）')
    .option('--stdin-format <format>', '标准输入是 txt（缺省）还是 md')
    .option('--kind <kind>', '文稿的类别：auto 自动判断（缺省）、opinion 工作安排意见/要点/总结、speech 汇报发言/交流发言', 'auto')
    .option('--onto <plan>', '把领导改过的文稿（修订已接受或未接受都可）写回这份已有的计划：只改有改动的文字、单位和时限')
    .option('--dry-run', '与 --onto 同用：只显示计划将怎样改（统一差异格式）和新增、调整、删除的各项，不写文件')
    .option('--prune', '与 --onto 同用：修改稿里已没有的举措从计划中删去（缺省只报告）')
    .addHelpText(
      'after',
      `
能识别的内容：红头、发文字号、标题、主送、正文的一、（一）1.（1）层级（手打的或 Word 自动编号的）、
接排的加粗引领句、举措后的单位括注（牵头单位：…；责任单位：…；完成时限：…，或“X牵头，Y按职责分工负责”）、
附件说明和重点任务分工表、印发通知、署名和成文日期、版记（抄送、印发机关和日期）。
.txt 可以是 UTF-8 或 GBK/GB18030；从网页复制的来源、浏览次数等杂项会去掉，并在屏幕上列出。
Excel 的重点任务分工表（.xlsx，或另存的 .csv，UTF-8 或 GBK）按表头读列：序号、重点任务、具体措施、牵头单位、
责任单位、完成时限、目标，其余的列（分值、季度安排……）作为计划自定义的列；跨整行合并的单元格是部分的标题。

原文一字不改：错别字、半角标点等留给 workplan check 指出。没把握的地方写有“# 导入：”注释，请逐条核对。

示例：
  workplan import 2025年工作要点.docx                 写出 2025年工作要点.yaml
  workplan import 旧文件/*.docx -o plans/             每个文稿一个计划文件
  workplan import 2026年分工表.xlsx -o plans/2026-要点.yaml   从 Excel 分工表建立计划
  pbpaste | workplan import - -o plans/2026-要点.yaml  从剪贴板导入网页上复制的文字
  workplan import 领导修改稿.docx --onto plans/2026-工作安排意见.yaml --dry-run   先看修改稿会怎样改计划

--onto：修改稿按导入的方式读出（修订中插入的文字保留、删除的文字去掉），举措按编号、标题、相似的文字与计划对上；
只改写有差别的标题、正文、单位和时限，id、进展、注释、键的顺序和引号写法一字不动，改写后重新读出核对，
不符时不写入。修改稿里新增的举措加在它在文稿中的位置；计划里有、修改稿里没有的举措只报告，加 --prune 才删去。`,
    )
    .action(async (files: string[], options) => {
      const { runImport } = await import('./import.js');
      program.setOptionValue('exitCode', await runImport(files, options));
    });

  program
    .command('units')
    .description('列出计划中的每个单位及其牵头、参与的举措数')
    .argument('<paths...>', '计划文件或目录；“-”从标准输入读入一个计划')
    .option('--format <format>', '输出格式：table 或 json', 'table')
    .action(async (paths: string[], options) => {
      const { runUnits } = await import('./units.js');
      program.setOptionValue('exitCode', await runUnits(paths, options));
    });

  program
    .command('status')
    .description('督办：截至某日每项举措是否完成、是否逾期，各单位牵头和参与的举措按状态计数，量化目标完成率；可生成督办通报和台账')
    .argument('[paths...]', '计划文件或目录，缺省为 plans/')
    .option('--as-of <date>', '统计截止日期 YYYY-MM-DD（缺省为今天）：按这一天之前最近的进展报告计算，季度也由它推算')
    .option('--unit <name>', '只看这个单位牵头或参与的举措')
    .option('-t, --to <formats>', '另外生成文件，可用逗号分隔：md、docx、pdf（督办通报，GB/T 9704 格式）、xlsx（督办台账）')
    .option('-o, --output <path>', '生成文件所在的文件夹（缺省 out/），或一个文件；“-”把 Markdown 写到标准输出（这时不打印统计表）')
    .option('--forms <dir>', '为每个单位（有 --unit 时只为这个单位）生成一张进展填报表（.xlsx）放在这个文件夹，填好后用 import-progress 读回')
    .addOption(new Option('--script <script>', '文稿的文字：hans 简体，hant 繁体（缺省与计划相同）').choices(BUILD_CHOICES.scripts))
    .addOption(new Option('-f, --format <format>', '终端输出的格式').choices(['stylish', 'json', 'github']).default('stylish'))
    .option('--no-color', '不使用颜色')
    .addHelpText(
      'after',
      `
状态（每项举措一种）：
  已完成    当时适用的进展 status 为 done
  逾期      过了完成时限仍未完成（给出逾期天数）
  临期      完成时限前 30 天内仍未完成（天数在 workplan.config.yaml 的 status.dueSoon 中设置）
  未报进展  没有进展报告，或只有 planned
  正常推进  其余：有进展、未到期（长期坚持、持续推进没有期限）
完成时限换算成日期：上半年 6月30日；全年、年底前、下半年 12月31日；N月底前、YYYY-MM 为当月最后一天。
目标完成率：完成数值与目标之比，限定词照算（以上为下限，以内、以下为上限，左右差 5% 以内算完成），最多 100%。

示例：
  workplan status --as-of 2025-09-30                 截至 9 月 30 日 plans/ 下各计划的督办情况
  workplan status plans/2025-工作安排意见.yaml --unit 区工商联
  workplan status --as-of 2025-06-30 --to docx,xlsx   生成《关于2025年上半年重点任务推进情况的通报》和督办台账
  workplan status --format github                    在 CI 中把逾期举措标注在计划的 due 一行
  workplan status --format json > status.json
  workplan status plans/2025-工作安排意见.yaml --as-of 2025-09-30 --forms forms/   每个单位一张进展填报表

退出码：0 统计完成（有逾期举措也是 0，逾期在输出里）；1 计划有错误，没有统计；2 无法运行（参数错误、文件无法读取）。`,
    )
    .action(async (paths: string[], options) => {
      const { runStatus } = await import('./status.js');
      program.setOptionValue('exitCode', await runStatus(paths, options));
    });

  program
    .command('import-progress')
    .description('读回各单位填好的进展填报表（status --forms 生成的 .xlsx），逐格检查后追加为计划里带日期的进展')
    .argument('<forms...>', '填好的填报表（.xlsx）')
    .option('--into <plan>', '写入进展的计划文件（填报表必须由这份计划生成）')
    .option('--dry-run', '只显示会对计划做的修改（diff），不写文件')
    .option('--as-of <date>', '没有填写填报日期的行的报告日期 YYYY-MM-DD（缺省取工作簿记着的最后保存日期，未另存过的表是生成它的日期）')
    .option('--unit <name>', '只接受这个单位的填报表')
    .option('--no-color', '不使用颜色')
    .addHelpText(
      'after',
      `
逐格检查：举措编号（隐藏的 A 列）缺失、未知或重复，行被打乱，进展状态不在下拉列表中，完成值不是数字，
填报日期无法识别或不在计划年度内，表头被改动、列被增删、单元格被合并，别的计划或别的单位的表，
旧版 .xls、损坏或过大的文件。每个问题报告在“文件.xlsx!工作表!C7”，有问题时计划文件一字不改，退出码 1。
只追加进展：计划的其他内容（注释、键的顺序、引号和缩进）逐字节不变；同一张表读两次，第二次不再追加。

示例：
  workplan status plans/2025-工作安排意见.yaml --as-of 2025-09-30 --forms forms/
                                         为每个单位生成一张进展填报表
  workplan import-progress forms/*.xlsx --into plans/2025-工作安排意见.yaml --dry-run
  workplan import-progress forms/*.xlsx --into plans/2025-工作安排意见.yaml`,
    )
    .action(async (forms: string[], options) => {
      const { runImportProgress } = await import('./import-progress.js');
      program.setOptionValue('exitCode', await runImportProgress(forms, options));
    });

  program
    .command('diff')
    .description('对照两个年度的计划：每项举措是新增、调整（改了什么）、延续还是删除，按部分和牵头单位分组')
    .argument('[files...]', '上一年和今年的计划文件；不给时对照 plans/ 中最近两个年度的同名计划')
    .option('-t, --to <formats>', '另外生成对照表，可用逗号分隔：md、docx、xlsx、pdf')
    .option('-o, --output <path>', '生成文件所在的文件夹（缺省 out/），或一个文件；“-”把 Markdown 写到标准输出（这时不打印对照结果）')
    .addOption(new Option('--script <script>', '对照表的文字：hans 简体，hant 繁体（缺省与今年的计划相同）').choices(BUILD_CHOICES.scripts))
    .option('--unit <name>', '只看这个单位牵头或参与的举措（任一年度）')
    .addOption(new Option('-f, --format <format>', '终端输出的格式').choices(['stylish', 'json']).default('stylish'))
    .option('--no-color', '不使用颜色')
    .addHelpText(
      'after',
      `
怎样认出同一项举措（依次）：
  1. 两年的举措写了相同的 id（稳定编号，import 会保留它）
  2. 标题相同
  3. 标题和正文相似（按两字片段计算相似度，0.50 以上取最相似的一对），输出中给出相似度
对上的举措：标题、正文、牵头单位、责任单位、完成时限（年份不计）、目标都相同为“延续”，否则为“调整”并写明改了什么；
今年才有的为“新增”，去年有、今年没有的为“删除”。

不给文件时：在 plans/ 中找名为“年份-名称.yaml”的文件，取最近的年度，与同一名称的上一个年度配对，
例如 plans/2025-工作安排意见.yaml 和 plans/2026-工作安排意见.yaml；名称不同的文件不配对。

示例：
  workplan diff                                        对照 plans/ 中最近两个年度的同名计划
  workplan diff plans/2025-工作安排意见.yaml plans/2026-工作安排意见.yaml
  workplan diff --to docx,xlsx                         生成《2026年与2025年重点任务对照表》
  workplan diff --unit 区工商联 --format json`,
    )
    .action(async (files: string[], options) => {
      const { runDiff } = await import('./diff.js');
      program.setOptionValue('exitCode', await runDiff(files, options));
    });

  program
    .command('init')
    .description('新建计划仓库：示例计划、JSON Schema、单位名录、模板说明、GitHub/GitLab 流水线')
    .argument('[dir]', '目录，缺省为当前目录')
    .option('--year <year>', '计划年度，缺省为今年（11 月起为明年，正是起草来年计划的时候）')
    .option('--force', '覆盖已有的文件')
    .option('--tool <spec>', '流水线安装 workplan 所用的 npm 包说明：版本（workplan@0.1.0）、tarball 路径或 git 地址；缺省为正在运行的这份 workplan 的来源，记录在 workplan.config.yaml 的 tool')
    .option('--shards <n>', '流水线把计划分成 n 片并行检查和生成（GitHub 矩阵、GitLab parallel）')
    .action(async (dir: string | undefined, options) => {
      const { runInit } = await import('./init.js');
      program.setOptionValue('exitCode', await runInit(dir, options));
    });

  program
    .command('draft')
    .description('起草可以修改的文稿')
    .command('speech')
    .description('据计划的进展起草汇报发言（kind: speech 文件）：数字写成引用 {=指标名称}，随计划的进展更新')
    .argument('<plan>', '计划文件')
    .option('-o, --output <file>', '写入这个文件（缺省或“-”写到标准输出）；figures 按这个文件的位置写相对路径')
    .option('--force', '覆盖已有的文件')
    .option('--no-color', '不使用颜色')
    .addHelpText(
      'after',
      `
示例：
  workplan draft speech plans/2025-工作安排意见.yaml                       草稿写到标准输出
  workplan draft speech plans/2025-工作安排意见.yaml -o plans/2025-汇报发言.yaml
  workplan build plans/2025-汇报发言.yaml                                   改好后生成发言（数字取自计划的最新进展）

草稿每项有进展的举措写成一条要点：动词在前（办结率达96%），同一句不重复主语，每部分一句引领语；
没有进展的部分照样保留，标为“# 待补充”，要点取自计划的举措。计划有错误时不起草，输出诊断并以退出码 1 结束。`,
    )
    .action(async (plan: string, options) => {
      const { runDraftSpeech } = await import('./draft.js');
      program.setOptionValue('exitCode', await runDraftSpeech(plan, options));
    });

  program
    .command('doctor')
    .description('检查这台机器：文稿所用的字体是否安装、缺少时以什么代替、是否移动换行；LibreOffice 和 pandoc 的版本')
    .addOption(new Option('-f, --format <format>', '输出格式').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
只报告，不改动机器，退出码总是 0；要在字体缺少时让生成失败，用 build --require-fonts。`,
    )
    .action(async (options) => {
      const { runDoctor } = await import('./doctor.js');
      program.setOptionValue('exitCode', await runDoctor(options));
    });

  program
    .command('serve')
    .description('页面预览：在本机浏览器里看文稿排版后的每一页，旁边列出计划的问题；每次保存后自动更新')
    .argument('[paths...]', '计划文件或目录（缺省 plans/）', ['plans'])
    .addOption(new Option('-d, --doc <doc>', '预览哪份文稿（缺省按计划的 kind）').choices(BUILD_CHOICES.documents))
    .option('-p, --port <port>', '端口（缺省由系统挑一个空闲端口）')
    .addHelpText(
      'after',
      `
示例：
  workplan serve                                   预览 plans/ 下的计划，在浏览器打开打印出的地址
  workplan serve plans/2026-工作安排意见.yaml --port 8600

页面是 LibreOffice 排出的真实页面（换行、分页与打印一致），需要 LibreOffice 和 pdftoppm（poppler-utils）。
只在 127.0.0.1 上监听，页面不从别处加载任何东西。保存后重新排版期间仍显示上一次的页面；
计划有错误或排版失败时，页面上方说明原因。按 Ctrl+C 停止。`,
    )
    .action(async (paths: string[], options) => {
      const { runServe } = await import('./serve.js');
      program.setOptionValue('exitCode', await runServe(paths, options));
    });

  program
    .command('lsp')
    .description('语言服务器（LSP，经标准输入输出）：编辑器里边写边检查、一键修正、补全单位名称和数字引用、悬停看数值、大纲')
    .option('--stdio', '经标准输入输出通信（缺省，也是唯一的方式；编辑器常自动加上）')
    .addHelpText(
      'after',
      `
由编辑器启动，不要在终端里直接运行。检查与 workplan check 完全相同（配置、figures、行内抑制都算在内）。
VS Code、Neovim 等的配置见 docs/guide/editor.md。`,
    )
    .action(async () => {
      const { runLsp } = await import('./lsp.js');
      program.setOptionValue('exitCode', await runLsp());
    });

  program
    .command('schema')
    .description('输出计划文件的 JSON Schema（draft-07），供编辑器补全和校验')
    .action(async () => {
      const { runSchema } = await import('./schema.js');
      program.setOptionValue('exitCode', runSchema());
    });

  return program;
}

/** Runs the CLI and returns the exit code; never throws for anything a user can cause. */
export async function main(argv: string[]): Promise<number> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // `workplan schema | head` closes the pipe early: the reader has what it wanted, not an error worth a word.
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      // A full disk or a failing device under `> file`: the output is incomplete, so the command did not do its job.
      if (stream === process.stdout) process.stderr.write(`workplan：${explainStdoutError(error)}\n`);
      process.exit(2);
    });
  }
  const program = createProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return (program.getOptionValue('exitCode') as number | undefined) ?? 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return 0;
      }
      return 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`workplan：${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`workplan：内部错误：${message}\n请把这条信息和所用的计划文件一起报告给维护者。\n`);
    if (process.env.WORKPLAN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

