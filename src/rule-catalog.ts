/**
 * Every rule id the tool can report, with its one-line description and default severity: the
 * loader's, the build's, the writing rules' and --fix's own. Ids are stable and never reused. The RuleId union
 * is built from this list, so a Diagnostic cannot carry an id that SARIF and the docs don't know.
 * Data only, no imports: every layer may read it.
 */

type Entry = { readonly description: string; readonly severity: 'error' | 'warning' };

/** Problems the loader finds while reading and validating a file. */
export const LOADER_RULES = {
  'file-too-large': { description: '文件超过 16 MB', severity: 'error' },
  'file-encoding': { description: '文件不是 UTF-8 编码', severity: 'error' },
  'file-empty': { description: '文件是空的', severity: 'error' },
  'yaml-syntax': { description: 'YAML 语法错误', severity: 'error' },
  'yaml-duplicate-key': { description: '同一层级里重复的键', severity: 'error' },
  'yaml-tab-indent': { description: '用制表符缩进', severity: 'error' },
  'yaml-alias-limit': { description: '别名展开次数过多（别名炸弹）', severity: 'error' },
  'schema-root': { description: '顶层不是“键: 值”映射', severity: 'error' },
  'schema-required': { description: '缺少必填的键', severity: 'error' },
  'schema-unknown-key': { description: '未知的键', severity: 'error' },
  'schema-type': { description: '值的类型不对', severity: 'error' },
  'schema-value': { description: '值无效（日期、枚举、时限等）', severity: 'error' },
  'schema-empty': { description: '需要文字的地方是空的', severity: 'error' },
  'figures-file': { description: '发言文件 figures 所指的计划文件无法读取或有错误', severity: 'error' },
  'table-column': { description: '分工表的列：未知的内置列、缺少 task、表头重复，或举措填了表中没有的列', severity: 'error' },
} as const satisfies Record<string, Entry>;

/** Writing rules: one file each under rules/, run in this order; severity is the default. */
export const WRITING_RULES = {
  'invalid-char': { description: 'XML 不允许或不可见的字符（控制字符、U+FFFE/U+FFFF、孤立代理项），文稿里无法保留', severity: 'error' },
  'invisible-format': { description: '看不见的格式字符：双向文字控制符（U+202A–U+202E、U+2066–U+2069）和文字中间的 U+FEFF', severity: 'warning' },
  'punctuation-width': { description: '中文里的半角标点（, : ; ? ! ( ) 直引号 ... --）应为全角', severity: 'warning' },
  placeholder: { description: '文中留有占位符：202x、XX、××、某某、TODO', severity: 'error' },
  'masked-word': { description: '网页复制带来的屏蔽字：拼音替代（dang、zhong）或星号（****）', severity: 'error' },
  'doc-number': { description: '发文字号格式：机关代字〔年份〕序号号', severity: 'error' },
  'date-range': { description: '成文日期与计划年度相差超过一年，或完成时限不在计划年度内、早于成文日期', severity: 'warning' },
  'measure-owner': { description: '举措没有牵头单位（lead）', severity: 'warning' },
  'numbering-typed': { description: '标题前手打了序号（一、（一）1. 一是）：序号由工具计算', severity: 'error' },
  'duplicate-text': { description: '两项举措标题相同或正文几乎相同', severity: 'warning' },
  'unit-unknown': { description: '单位不在 workplan.config.yaml 的单位名录中', severity: 'error' },
  'speech-too-long': { description: '汇报发言按朗读速度估计超过限时（speech.minutes）', severity: 'warning' },
  'speech-section-skipped': { description: '计划的一个部分没有可汇报的进展，汇报发言中略去了它', severity: 'warning' },
  'text-too-long': { description: '标题超过 100 个字符，或一段超过 5000 个字符', severity: 'warning' },
  'progress-date': { description: '进展报告的日期晚于计划年度', severity: 'warning' },
  'progress-decrease': { description: '进展报告的完成数值比上一次报告少，却没有说明（note）', severity: 'warning' },
  'figure-unknown': { description: '发言里的数字引用（{=指标名称}）找不到对应的进展数值', severity: 'error' },
  'figure-ambiguous': { description: '数字引用的指标名称有多项举措同名，需写明举措（{=举措：指标名称}）', severity: 'error' },
  'figure-stale': { description: '发言里手打的数字与计划的进展数值不符', severity: 'warning' },
  'speech-too-short': { description: '汇报发言按朗读速度估计不到限时（speech.minutes）的一半', severity: 'warning' },
} as const satisfies Record<string, Entry>;

/** A plan that checks clean but cannot give the document asked for. */
export const BUILD_RULES = {
  'speech-missing': { description: '计划没有 speech 块，无法生成汇报发言', severity: 'error' },
  'speech-empty': { description: '没有可汇报的内容', severity: 'error' },
  'document-kind': { description: '文件类型不能生成所要的文稿', severity: 'error' },
  'unit-no-tasks': { description: '--unit 所指的单位在计划里没有牵头或参与的举措', severity: 'error' },
  'number-unprinted': { description: '没有版头（发文机关标志）时发文字号不印出', severity: 'warning' },
  'redline-unmarked': { description: '修订稿里版头、署名、附件说明等的改动没有标成修订，照新版本印出', severity: 'warning' },
  'redline-new': { description: '所给的 git 版本里还没有这份计划（新加的），只生成文稿，不生成修订稿', severity: 'warning' },
  'redline-figures': { description: '汇报发言的旧版本所引数字的计划读不出同一版本，旧版本按现在的数字生成', severity: 'warning' },
  'redline-same': { description: '与旧版本相比没有改动，修订稿里没有修订', severity: 'warning' },
} as const satisfies Record<string, Entry>;

/** What --fix reports about the fixes themselves. */
export const FIX_RULES = {
  'fix-unsafe': { description: '自动修正会改变其他内容或破坏文件，已保留原文', severity: 'warning' },
} as const satisfies Record<string, Entry>;

/** What `workplan status` annotates on a plan (--format github): findings of 督办, not of writing. */
export const STATUS_RULES = {
  'measure-overdue': { description: '举措已过完成时限仍未完成（workplan status）', severity: 'warning' },
} as const satisfies Record<string, Entry>;

/** What `workplan import-progress` finds in a filled 进展填报表, each at its cell (file.xlsx!Sheet!C7). */
export const FORM_RULES = {
  'form-file': { description: '填报表文件无法读取：旧版 .xls、加密、损坏、过大或是空的', severity: 'error' },
  'form-plan': { description: '填报表不是这份计划（标题、年度）生成的，或不是 workplan 生成的', severity: 'error' },
  'form-unit': { description: '填报表的单位不在计划中或不是所要的单位，或一行的任务不属于该单位', severity: 'error' },
  'form-layout': { description: '填报表的表头被改动、列被增删或移动，或有合并的单元格', severity: 'error' },
  'form-key': { description: '一行的举措编号缺失、未知、重复，或与工作任务不符（行被打乱）', severity: 'error' },
  'form-state': { description: '进展状态缺失或不在下拉列表中', severity: 'error' },
  'form-number': { description: '完成值不是数字，或填在该任务没有的指标格里', severity: 'error' },
  'form-date': { description: '填报日期无法识别或不在计划年度内', severity: 'error' },
  'form-formula': { description: '填报格里是没有计算结果的公式（保存它的程序没有计算）', severity: 'error' },
  'form-empty': { description: '填报表没有填写任何进展', severity: 'error' },
  'form-progress': { description: '计划里这项举措的进展无法追加（不带日期的单条进展，或流式写法）', severity: 'error' },
} as const satisfies Record<string, Entry>;

export type LoaderRuleId = keyof typeof LOADER_RULES;
export type WritingRuleId = keyof typeof WRITING_RULES;
export type BuildRuleId = keyof typeof BUILD_RULES;
export type FixRuleId = keyof typeof FIX_RULES;
export type StatusRuleId = keyof typeof STATUS_RULES;
export type FormRuleId = keyof typeof FORM_RULES;
export type RuleId = LoaderRuleId | WritingRuleId | BuildRuleId | FixRuleId | StatusRuleId | FormRuleId;

export interface CatalogEntry extends Entry {
  id: RuleId;
}

/** The whole catalogue in report order (SARIF's rule indexes): loader, build, writing rules, fix, status. */
export const RULE_CATALOG: readonly CatalogEntry[] = [LOADER_RULES, BUILD_RULES, WRITING_RULES, FIX_RULES, STATUS_RULES, FORM_RULES].flatMap((group) =>
  Object.entries(group).map(([id, entry]) => ({ id: id as RuleId, ...entry })),
);
