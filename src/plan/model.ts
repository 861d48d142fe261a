/**
 * The plan file format, version 2 (docs/plan-format.md), as a zod v4 model. Version 2 only adds:
 * every version-1 plan is a valid version-2 plan and builds the same documents.
 * The JSON Schema in schemas/plan.schema.json is generated from this file,
 * so every `describe` text here is what an editor shows a user.
 */
import { z } from 'zod';
import { DUE_PHRASES, DUE_PHRASES_EITHER, isValidDue, parseIsoDate } from '../text/dates.js';
import { TASK_COLUMN_KEYS, TASK_COLUMN_LABELS, TASK_NUMBERINGS } from './task-table-keys.js';

// Strings are validated, never transformed: text must reach the documents verbatim.
const NOT_BLANK = /\S/;
const text = (description: string) =>
  z.string().regex(NOT_BLANK, { message: '不能为空' }).describe(description);

const isoDate = (description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD，例如 2025-01-10' })
    .refine((s) => parseIsoDate(s) !== undefined, { message: '不是日历上存在的日期' })
    .describe(description);

const unitName = text('单位名称');
const unitList = (description: string) => z.array(unitName).describe(description);
/** One unit, or several (联合牵头), as a list. */
const unitOrUnits = (description: string) =>
  z.union([unitName, z.array(unitName).min(1, { message: '至少需要一个单位' })]).describe(`${description}：一个单位，或单位列表`);

const due = z
  .string()
  .regex(new RegExp(`^(\\d{4}-\\d{2}(-\\d{2})?|${DUE_PHRASES_EITHER.join('|')}|(1[0-2]|[1-9])月底前)$`), {
    message: `完成时限应为 YYYY-MM-DD、YYYY-MM、${DUE_PHRASES.join('、')}或“N月底前”`,
  })
  .refine(isValidDue, { message: '不是日历上存在的日期或月份' })
  .describe(`完成时限：YYYY-MM-DD、YYYY-MM、${DUE_PHRASES.join('、')}或“N月底前”`);

export const TargetModel = z
  .strictObject({
    name: text('指标名称，例如“理论政策培训班”'),
    value: z.number().describe('目标数值'),
    unit: text('计量单位，例如“期”“人次”“%”').optional(),
    qualifier: z
      .enum(['左右', '以上', '以下', '以内'])
      .describe('数值的限定：增长6.2%左右、达到95%以上、控制在3%以内')
      .optional(),
  })
  .describe('量化目标');

export const ProgressModel = z
  .strictObject({
    status: z
      .enum(['planned', 'ongoing', 'done', 'delayed'])
      .describe('进展状态：planned 未开始、ongoing 推进中、done 已完成、delayed 滞后'),
    result: text('已取得的成效，一句话，汇报发言据此成文').optional(),
    values: z
      .record(z.string().min(1), z.number())
      .describe('已完成的数值，键为指标名称（与 targets 的 name 对应）')
      .optional(),
  })
  .describe('进展情况');

/** One dated progress report: the latest (by date) applies, so a plan keeps its history. */
export const ProgressReportModel = ProgressModel.extend({
  date: isoDate('报告日期，YYYY-MM-DD：日期最晚的一条为当前进展'),
  note: text('说明，例如数值回落的原因（核减、口径调整）').optional(),
}).describe('一次带日期的进展报告');

export const MeasureModel = z
  .strictObject({
    title: text('举措的引领句（加粗的首句），不要手打序号'),
    text: text('举措正文').optional(),
    items: z.array(text('一个子项，不要手打“（1）”')).min(1).describe('举措下的子项，编号为（1）（2）（3）').optional(),
    lead: unitOrUnits('牵头单位；不写时沿用所在部分的 lead').optional(),
    responsible: unitList('责任单位；不写时沿用所在部分的 responsible').optional(),
    due: due.optional(),
    targets: z.array(TargetModel).describe('量化目标').optional(),
    progress: z
      .union([ProgressModel, z.array(ProgressReportModel).min(1, { message: '至少需要一次报告' })])
      .describe('进展：一次进展，或带日期的进展报告列表（date、status、values、result、note），日期最晚的一条为当前进展')
      .optional(),
    speech: text('汇报发言里这一条的开头（“一是”之后的短语），缺省用 title；数字由 progress.values 生成，不要手打').optional(),
    id: text('稳定的编号（如 theory、party-consultation），跨年度对照（workplan diff）据此认出同一项举措；不出现在文稿里').optional(),
    columns: z
      .record(text('列的表头'), z.union([text('这一格的文字'), z.number()]))
      .describe('分工表中计划自定义的列在这一行的值，键为 table.columns 里那一列的 title，例如 { 分值: 5, 一季度: 完成摸底调研 }')
      .optional(),
  })
  .describe('工作举措，自动编号为 1. 2. 3.');

export interface Section {
  title: string;
  intro?: string | undefined;
  speechTitle?: string | undefined;
  points?: string[] | undefined;
  separator?: '；' | '。' | undefined;
  lead?: string | string[] | undefined;
  responsible?: string[] | undefined;
  due?: string | undefined;
  sections?: Section[] | undefined;
  measures?: Measure[] | undefined;
}

export const SectionModel: z.ZodType<Section> = z
  .strictObject({
    title: text('部分标题，不要手打“一、”“（一）”等序号'),
    intro: text('标题下的导语段落').optional(),
    speechTitle: text('汇报发言中这一部分的标题（numbered）或段首引领句（runin），缺省用 title').optional(),
    points: z
      .array(text('一条要点，不要手打“一是”'))
      .min(1)
      .describe('按“一是、二是……”列举的要点，接在导语之后成一段（总结、汇报常用）')
      .optional(),
    separator: z.enum(['；', '。']).describe('要点之间的标点，缺省为“；”，最后一条以“。”结尾').optional(),
    lead: unitOrUnits('本部分各项举措共同的牵头单位（举措自己写了 lead 时以举措为准）').optional(),
    responsible: unitList('本部分各项举措共同的责任单位').optional(),
    due: due.describe('本部分各项举措共同的完成时限').optional(),
    get sections() {
      return z.array(SectionModel).describe('下一级部分，编号为（一）（二）').optional();
    },
    measures: z.array(MeasureModel).describe('工作举措，编号为 1. 2. 3.').optional(),
  })
  .meta({ id: 'Section', description: '一个部分（一级编号“一、”，二级编号“（一）”）' });

export const AttachmentModel = z.union([
  z.literal('tasks').describe('内置附件：重点任务分工表'),
  z
    .strictObject({
      title: text('附件标题'),
      file: text('附件内容所在的 Markdown 文件（相对于计划文件）').optional(),
    })
    .describe('自定义附件'),
]);

/** The 印发通知 a plan is issued under: its own page, the plan following on a new page. */
export const NoticeModel = z
  .union([
    z.literal(true).describe('用缺省的标题和正文'),
    z.strictObject({
      title: text('通知标题，缺省为“关于印发《{计划标题}》的通知”').optional(),
      text: text('通知正文，一两段；缺省为“现将《{计划标题}》印发给你们，请结合实际认真贯彻落实。”').optional(),
    }),
  ])
  .describe('印发通知：红头、发文字号、主送、署名和成文日期属于通知，计划另起一页排在通知之后，版记在最后');

const SECTION_LAYOUT = z.enum(['heading', 'runin', 'unnumbered']);

/** How the levels are numbered and laid out (要点 often run （一） in at the top level). */
export const OutlineModel = z
  .strictObject({
    start: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .describe('最上一级的编号：1 为“一、”（缺省），2 为“（一）”，3 为“1.”；下级依次为（一）1.（1）')
      .optional(),
    sections: z
      .union([SECTION_LAYOUT, z.array(SECTION_LAYOUT).min(1)])
      .describe(
        '部分的排法：heading 独立标题（缺省）；runin 编号和加粗的标题接排导语；unnumbered 不编号的独立标题。写成列表时按层级分别指定，如 [heading, runin]：“一、”独立成行，“（一）”接排',
      )
      .optional(),
  })
  .describe('层级的编号和排法');

/** How a measure's units are written after it (with --owners or `owners.show`). */
export const OwnersModel = z
  .strictObject({
    show: z.boolean().describe('在每项举措后写出牵头单位等（命令行 --owners 也可打开）').optional(),
    style: z
      .enum(['colon', 'lead-first', 'lines'])
      .describe(
        '写法：colon（牵头单位：…；责任单位：…；完成时限：…），lead-first（X、Y牵头，Z按职责分工负责），lines 在举措下另起几行“牵头单位：…”',
      )
      .optional(),
    template: text('自定义写法，可用 {lead}、{responsible}、{due}，例如“（{lead}牵头，{responsible}配合）”').optional(),
  })
  .describe('举措后单位和时限的写法');

const taskColumnKey = z
  .enum(TASK_COLUMN_KEYS)
  .describe(
    `工具按计划填写的列：${TASK_COLUMN_KEYS.map((k) => `${k} ${TASK_COLUMN_LABELS[k]}`).join('，')}（task 为举措标题，text 为举措正文）`,
  );

/** One column of the 分工表: a built-in one, renamed or not, or one the plan fills itself. */
export const TableColumnModel = z.union([
  taskColumnKey,
  z
    .strictObject({
      key: taskColumnKey.optional(),
      title: text('表头文字。有 key 时改写内置列的表头；没有 key 时是计划自定义的列，各项举措在 columns 中按这个表头填值'),
    })
    .describe('改写表头的内置列 { key: task, title: 重点任务 }，或自定义的列 { title: 分值 }'),
]);

/** The 重点任务分工表 as this plan wants it: its title, how 序号 counts, which columns in which order. */
export const TableModel = z
  .strictObject({
    title: text('分工表标题，缺省为“{年度}年重点任务分工表”').optional(),
    numbering: z
      .enum(TASK_NUMBERINGS)
      .describe('序号：sequence 从 1 连续编号（缺省）；sections 在各部分的举措之上加一行跨整表的部分标题，举措仍从 1 连续编号；outline 沿用意见中的编号（一、1）。命令行 --task-numbers 优先')
      .optional(),
    columns: z
      .array(TableColumnModel)
      .min(1)
      .describe('表的列，按顺序；须含 task（工作任务）。缺省为 seq、task、lead、responsible、due，有目标时加 target')
      .optional(),
  })
  .describe('重点任务分工表：标题、序号和列');

const SPEECH_STYLE = z.enum(['runin', 'numbered']);

export const SpeechModel = z
  .strictObject({
    title: text('发言标题，缺省为“在{meeting}上的汇报发言”').optional(),
    meeting: text('会议名称，例如“全市统战工作会议”；写了 title 时可不写').optional(),
    speaker: text('发言单位或发言人；不写时标题下不排').optional(),
    date: isoDate('发言日期，YYYY-MM-DD；不写时标题下不排').optional(),
    salutation: z
      .union([text('称谓'), z.array(text('称谓的一行')).min(1), z.literal(false)])
      .describe('称谓：一行（缺省为“尊敬的各位领导，同志们：”），两行时写成列表（各位领导： / 大家好！），不要称谓时写 false')
      .optional(),
    opening: text('开场段落，缺省以“现将有关工作情况汇报如下：”结尾').optional(),
    closing: text('结束语，缺省为“汇报完毕，谢谢大家！”').optional(),
    minutes: z.number().positive().describe('发言限时（分钟）').optional(),
    style: z
      .union([SPEECH_STYLE, z.array(SPEECH_STYLE).min(1).max(2)])
      .describe(
        '部分的样式：runin 段首加粗引领句（缺省）；numbered 用“一、”标题。写成列表时按层级分别指定，第二项是部分里的小部分（sections）：[numbered, runin] 为“一、”独立成行、“（一）”和加粗的标题接排第一段，[numbered, numbered] 为“（一）”也独立成行；只写一个值时两级相同',
      )
      .optional(),
    separator: z
      .enum(['；', '。'])
      .describe('“一是……；二是……。”中各条之间的标点，缺省为“；”，最后一条总以“。”结尾')
      .optional(),
  })
  .describe('汇报发言')
  .refine((s) => s.title !== undefined || s.meeting !== undefined, { message: '缺少必填的键“meeting”（会议名称）：没有 title 时据此生成标题', path: ['meeting'] });

/** What a part of a speech may hold, at either level: a lead, points, prose. */
const speechPartShape = {
  title: text('这一部分的标题（numbered）或段首引领句（runin），不要手打序号'),
  intro: text('引领句之后、“一是”之前的文字').optional(),
  points: z.array(text('一条要点，不要手打“一是”')).min(1, { message: '至少需要一条要点' }).describe('要点，按 enumerate 的方式列举').optional(),
  enumerate: z
    .enum(['ordinal', 'numbered', 'runin'])
    .describe('要点的列举方式：ordinal “一是……；二是……。”接排成一段（缺省）；numbered 每条一段，编为“1、”“2、”；runin 每条一段，首句加粗')
    .optional(),
  text: text('不列举的散文段落，排在要点之后（可多段）').optional(),
};

/** The second level of a speech (（一）), as a 汇报 or 总结 is written: 一、主要工作 → （一）… → 一是…二是…. */
export const SpeechSubsectionModel = z
  .strictObject(speechPartShape)
  .describe('发言一个部分里的小部分，编号为（一）（二）')
  .refine((s) => s.points !== undefined || s.text !== undefined, { message: '这一部分需要 points（要点）或 text（段落）', path: ['points'] });

export const SpeechSectionModel = z
  .strictObject({
    ...speechPartShape,
    sections: z
      .array(SpeechSubsectionModel)
      .min(1, { message: '至少需要一个小部分' })
      .describe('这一部分里的小部分，编号为（一）（二），排在本部分的要点和段落之后；排法见 speech.style')
      .optional(),
  })
  .describe('汇报发言的一个部分')
  .refine((s) => s.points !== undefined || s.text !== undefined || s.sections !== undefined, {
    message: '这一部分需要 points（要点）、text（段落）或 sections（小部分）',
    path: ['points'],
  });

const script = z
  .enum(['hans', 'hant'])
  .describe('文字：hans 简体，hant 繁体；不写时按正文判断。繁体计划中工具自己的用语（牽頭單位、印發等）也用繁体，正文照原样')
  .optional();

/** A speech on its own (`kind: speech`): the minimal shape of a 汇报发言 or 交流发言. */
export const SpeechFileModel = z
  .strictObject({
    kind: z.literal('speech').describe('独立的汇报发言'),
    script,
    figures: text('发言引用数字（{=指标名称}）所取自的计划文件，相对于本文件，例如“../2025-工作安排意见.yaml”').optional(),
    speech: SpeechModel,
    sections: z.array(SpeechSectionModel).min(1, { message: '至少需要一个部分' }).describe('发言的各部分'),
  })
  .describe('workplan 汇报发言文件（kind: speech）');

export const PlanModel = z
  .strictObject({
    kind: z.literal('opinion').describe('工作安排意见（缺省）；独立的汇报发言写 kind: speech').optional(),
    script,
    title: text('文件标题，例如“2025年全区统一战线工作安排意见”'),
    issuer: text('发文机关，也是缺省的署名').optional(),
    letterhead: z
      .union([text('发文机关标志，例如“中共澄湖区委统战部文件”'), z.array(text('联合行文的一个发文机关')).min(2)])
      .describe('发文机关标志（红头）：一个字符串；联合行文时为发文机关名称列表，主办机关在前；列表最后一项写“文件”时，“文件”二字排在名称右侧、上下居中')
      .optional(),
    signers: unitList('签发人（上行文），例如 [张三]').optional(),
    number: text('发文字号，例如“某统发〔2025〕1号”').optional(),
    date: isoDate('成文日期，YYYY-MM-DD'),
    year: z.number().int().min(1949).max(2100).describe('计划年度，缺省取成文日期的年份').optional(),
    recipients: unitList('主送机关').optional(),
    notice: NoticeModel.optional(),
    guidance: text('总体思路/总体要求，可有多段').optional(),
    sections: z.array(SectionModel).min(1, { message: '至少需要一个部分' }).describe('各部分，编号为一、二、三').optional(),
    measures: z.array(MeasureModel).min(1, { message: '至少需要一项举措' }).describe('不分部分时直接列出的举措，编号由 outline.start 决定（缺省为 1. 2. 3.）').optional(),
    outline: OutlineModel.optional(),
    conclusion: text('结尾段落').optional(),
    attachments: z.array(AttachmentModel).describe('附件：tasks 为内置的重点任务分工表').optional(),
    table: TableModel.optional(),
    owners: OwnersModel.optional(),
    signature: text('署名，缺省为 issuer').optional(),
    seal: z.boolean().describe('加盖印章：署名和成文日期按有印章的格式排布').optional(),
    note: text('附注，排在成文日期下一行，外加圆括号').optional(),
    cc: unitList('抄送机关').optional(),
    printedBy: text('印发机关').optional(),
    printedOn: isoDate('印发日期，YYYY-MM-DD').optional(),
    speech: SpeechModel.describe('据此计划生成的汇报发言').optional(),
  })
  .describe('workplan 计划文件（格式第 2 版，兼容第 1 版）')
  .superRefine((plan, ctx) => {
    if (plan.sections === undefined && plan.measures === undefined) {
      ctx.addIssue({ code: 'custom', path: ['sections'], message: '缺少必填的键“sections”（部分）：计划至少需要 sections，或不分部分时的 measures' });
    }
    checkTableColumns(plan, ctx);
  });

/** Marks an issue as the 分工表's own (rule table-column), said at the key when `at` is 'key'. */
const TABLE_COLUMN = (at: 'key' | 'value') => ({ ruleId: 'table-column', at });

/**
 * What the columns' shapes cannot say: the table needs its task column, no two of the plan's own
 * columns share a header, and a measure fills only columns the table has. One pass over the measures.
 */
function checkTableColumns(
  plan: { table?: z.infer<typeof TableModel> | undefined; sections?: Section[] | undefined; measures?: Measure[] | undefined },
  ctx: z.core.$RefinementCtx,
): void {
  const columns = plan.table?.columns;
  const own: string[] = [];
  if (columns) {
    if (!columns.some((c) => (typeof c === 'string' ? c : c.key) === 'task')) {
      ctx.addIssue({ code: 'custom', path: ['table', 'columns'], message: '分工表的列里需要 task（工作任务）：每一行是一项举措', params: TABLE_COLUMN('value') });
    }
    columns.forEach((c, i) => {
      if (typeof c === 'string' || c.key !== undefined) return;
      if (own.includes(c.title)) {
        ctx.addIssue({ code: 'custom', path: ['table', 'columns', i, 'title'], message: `分工表里已有“${c.title}”这一列：自定义的列按表头取值，表头不能重复`, params: TABLE_COLUMN('value') });
      } else own.push(c.title);
    });
  }
  // Headers of the built-in columns, renamed or not: the tool fills those, a measure does not.
  const builtins = new Map<string, string>();
  for (const c of columns ?? []) {
    const key = typeof c === 'string' ? c : c.key;
    if (key !== undefined) builtins.set(typeof c === 'string' ? TASK_COLUMN_LABELS[c] : c.title, key);
  }
  const hint = own.length ? `表中自定义的列：${own.join('、')}` : '先在 table.columns 里加上这一列，例如 { title: 分值 }';
  const visit = (measures: readonly Measure[] | undefined, path: (string | number)[]) =>
    (measures ?? []).forEach((m, j) => {
      for (const key of Object.keys(m.columns ?? {})) {
        if (own.includes(key)) continue;
        const builtin = builtins.get(key);
        const message = builtin
          ? `“${key}”是内置的列（${builtin}），由工具按举措的 ${builtin} 填写，不在 columns 里填`
          : `分工表没有“${key}”这一列：${hint}`;
        ctx.addIssue({ code: 'custom', path: [...path, j, 'columns', key], message, params: TABLE_COLUMN('key') });
      }
    });
  const walk = (sections: readonly Section[] | undefined, path: (string | number)[]) =>
    (sections ?? []).forEach((s, i) => {
      visit(s.measures, [...path, i, 'measures']);
      walk(s.sections, [...path, i, 'sections']);
    });
  walk(plan.sections, ['sections']);
  visit(plan.measures, ['measures']);
}

export type Plan = z.infer<typeof PlanModel>;
export type SpeechFile = z.infer<typeof SpeechFileModel>;
/** What a plan file holds: an annual plan, or a speech on its own. */
export type PlanFile = Plan | SpeechFile;

export function isSpeechFile(file: PlanFile): file is SpeechFile {
  return file.kind === 'speech';
}

/** The model a parsed file is validated against, chosen by its `kind`. */
export function modelFor(data: unknown): typeof PlanModel | typeof SpeechFileModel {
  const kind = data !== null && typeof data === 'object' ? (data as { kind?: unknown }).kind : undefined;
  return kind === 'speech' ? SpeechFileModel : PlanModel;
}
export type Measure = z.infer<typeof MeasureModel>;
export type Target = z.infer<typeof TargetModel>;
export type Progress = z.infer<typeof ProgressModel>;
export type ProgressReport = z.infer<typeof ProgressReportModel>;
export type Speech = z.infer<typeof SpeechModel>;
export type Attachment = z.infer<typeof AttachmentModel>;

/** The year a plan is for: `year`, or the year of its 成文日期. */
export function planYear(plan: Plan): number {
  return plan.year ?? Number(plan.date.slice(0, 4));
}

/** A measure's dated reports in date order (a stable sort: of two on one day, the later written wins); [] for a v1 single progress. */
export function progressReports(measure: Measure): ProgressReport[] {
  const progress = measure.progress;
  if (!Array.isArray(progress)) return [];
  return [...progress].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The progress report that applies to a measure: the v1 single `progress`, or of the dated reports
 * the latest one, or with `asOf` (YYYY-MM-DD) the latest one dated on or before that day. Every
 * reader of progress goes through here. An undated v1 progress applies at any date. Each figure
 * (`values`) is the latest one reported, so a report that leaves a figure out keeps the earlier one.
 */
export function currentProgress(measure: Measure, asOf?: string): Progress | undefined {
  const progress = measure.progress;
  if (!Array.isArray(progress)) return progress;
  const reports = progressReports(measure).filter((r) => asOf === undefined || r.date <= asOf);
  const latest = reports[reports.length - 1];
  if (!latest) return undefined;
  const { status, result } = latest;
  // A figure a report leaves out was not reported (a blank cell on a form), not set to 0: the
  // latest report that gives it still holds.
  const values = reports.reduce<Record<string, number> | undefined>((held, r) => (r.values ? { ...held, ...r.values } : held), undefined);
  return { status, ...(result !== undefined ? { result } : {}), ...(values !== undefined ? { values } : {}) };
}

/** Where the progress that applies now sits under the measure: `progress`, or `progress[i]` of the dated reports. */
export function currentProgressPath(measure: Measure): (string | number)[] {
  const progress = measure.progress;
  if (!Array.isArray(progress)) return ['progress'];
  const latest = progressReports(measure).at(-1);
  return latest ? ['progress', progress.indexOf(latest)] : ['progress'];
}

/** progress.values as figures, each with the unit its target gives (values name targets). */
export function progressFigures(measure: Measure): Target[] {
  const units = new Map((measure.targets ?? []).map((t) => [t.name, t.unit]));
  return Object.entries(currentProgress(measure)?.values ?? {}).map(([name, value]) => {
    const unit = units.get(name);
    return unit === undefined ? { name, value } : { name, value, unit };
  });
}

/** A target as documents print it: name, value, unit and qualifier run together (举办研修班2期, 增长6.2%左右). */
export function targetText(target: Target): string {
  return `${target.name}${target.value}${target.unit ?? ''}${target.qualifier ?? ''}`;
}

/** `lead` as a list, whether the plan wrote one unit or several. */
export function unitsOf(value: string | readonly string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
}

/** Chinese names of keys, for messages. */
export const KEY_LABELS: Record<string, string> = {
  kind: '文稿类型',
  title: '标题',
  issuer: '发文机关',
  number: '发文字号',
  date: '日期',
  year: '年度',
  recipients: '主送机关',
  guidance: '总体思路',
  sections: '部分',
  intro: '导语',
  speechTitle: '发言标题',
  measures: '举措',
  text: '正文',
  lead: '牵头单位',
  responsible: '责任单位',
  due: '完成时限',
  targets: '目标',
  name: '指标名称',
  value: '数值',
  unit: '计量单位',
  progress: '进展',
  status: '进展状态',
  result: '成效',
  values: '完成数值',
  conclusion: '结尾',
  attachments: '附件',
  file: '文件',
  signature: '署名',
  cc: '抄送',
  printedBy: '印发机关',
  printedOn: '印发日期',
  speech: '汇报发言',
  letterhead: '发文机关标志',
  signers: '签发人',
  seal: '印章',
  note: '附注',
  meeting: '会议名称',
  speaker: '发言单位',
  salutation: '称谓',
  opening: '开场',
  closing: '结束语',
  minutes: '限时',
  style: '样式',
  separator: '分隔标点',
  points: '要点',
  items: '子项',
  qualifier: '限定',
  owners: '单位写法',
  show: '显示',
  template: '模板',
  outline: '层级',
  notice: '印发通知',
  script: '文字',
  start: '起始编号',
  id: '编号',
  figures: '数字来源',
  table: '分工表',
  columns: '分工表的列',
  numbering: '序号方式',
  key: '内置列',
};
