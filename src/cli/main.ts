/**
 * The command-line program. Commands import their modules lazily so that
 * `workplan check` never loads the rendering stack (docx, handlebars).
 */
import { Command, CommanderError, Option } from 'commander';
import { translateCommanderMessage } from './commander-zh.js';
import { DOCUMENT_IDS, LETTERHEAD_MODES, OUTPUT_FORMATS, SCRIPTS, TASK_NUMBERINGS } from '../pipeline/build-options.js';
import { UsageError } from '../pipeline/usage-error.js';
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
  workplan init my-plans                 新建计划仓库
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
      new Option('-d, --doc <doc>', '文稿：opinion 工作安排意见，speech 汇报发言，tasks 重点任务分工表（缺省按计划的 kind）').choices(DOCUMENT_IDS),
    )
    .option('-t, --to <formats>', `输出格式，可用逗号分隔多个：${OUTPUT_FORMATS.join('、')}（csv 和 xlsx 只用于分工表）`, 'docx')
    .option('--unit <name>', '分工表只列这个单位牵头或参与的举措，并注明职责')
    .option('--task-text', '分工表的“工作任务”列在标题后附上举措正文')
    .addOption(
      new Option('--task-numbers <mode>', '分工表的序号：sequence 从 1 连续编号（缺省），sections 加各部分的标题行、仍从 1 连续编号，outline 沿用意见中的编号（一、1）；优先于计划的 table.numbering').choices(
        TASK_NUMBERINGS,
      ),
    )
    .addOption(
      new Option('--letterhead <mode>', '红头：red 印红色发文机关标志和分隔线（计划有 letterhead 时的缺省），preprinted 为预印红头的公文纸留出位置，none 不要红头').choices(
        LETTERHEAD_MODES,
      ),
    )
    .addOption(new Option('--script <script>', '文字：hans 简体，hant 繁体（缺省与计划相同；换一种文字时整篇转换，只转字形不改用词）').choices(SCRIPTS))
    .option('-o, --output <path>', '输出文件或文件夹（缺省 out/）；“-”把 Markdown 或 CSV 写到标准输出')
    .option('--owners', '在每项举措后附上（牵头单位：…；责任单位：…；完成时限：…）')
    .option('--check', '不写文件，只检查已有的文稿是否与计划现在生成的结果一致（不一致时退出码 1）')
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
    .command('units')
    .description('列出计划中的每个单位及其牵头、参与的举措数')
    .argument('<paths...>', '计划文件或目录；“-”从标准输入读入一个计划')
    .option('--format <format>', '输出格式：table 或 json', 'table')
    .action(async (paths: string[], options) => {
      const { runUnits } = await import('./units.js');
      program.setOptionValue('exitCode', await runUnits(paths, options));
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
  // `workplan schema | head` closes the pipe early; that is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
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

