/**
 * Plan → the object templates see. Handlebars runs in strict mode, so every key a template may
 * test is present (null or [] when the plan leaves it out). Numbering is not here: helpers compute it.
 */
import type { LetterheadMode, PrintedLetterhead } from '../markdown/blocks.js';
import { type Measure, type Plan, type PlanFile, type Section, type Target, currentProgress, planYear, progressFigures, targetText } from '../plan/model.js';
import { allMeasures } from '../plan/plan-walk.js';
import { formatDue } from '../text/dates.js';
import { formatLevelNumber } from '../text/numerals.js';
import { enumeratePoints, toClause } from '../speech/compose-speech.js';
import { splitParagraphs } from '../text/paragraphs.js';
import { HANS_WORDS, type ScriptChoice, type Words } from '../text/script.js';
import type { TaskNumbering } from '../plan/task-table-keys.js';
import { taskCells, taskColumns } from '../tasks/task-columns.js';
import { type TaskRow, taskRows } from '../tasks/task-rows.js';

export interface TasksView {
  title: string;
  hasTargets: boolean;
  /** The unit whose own list this is, or null for the whole table. */
  unit: string | null;
  rows: TaskRow[];
  /** The header cells in order: the plan's `table.columns`, or 序号 工作任务 牵头单位 责任单位 完成时限 (目标) (本单位职责). */
  header: string[];
  /** Each row's cells in the header's order; a section row has its heading in the first cell only. */
  cells: string[][];
}

export interface RenderOptions {
  /** Append （牵头单位：…；责任单位：…；完成时限：…） after each measure. */
  owners: boolean;
  /** The repository's unit registry: any name a plan uses → its canonical name. */
  units?: Map<string, string> | undefined;
  /** Task table: the measure's text after its title in the 工作任务 cell. */
  taskText?: boolean | undefined;
  /** Task table: only this unit's tasks. */
  unit?: string | undefined;
  /** Task table: how the 序号 column counts (1…N when not given). */
  taskNumbers?: TaskNumbering | undefined;
  /** 发文机关标志: red (default when the plan has one), preprinted paper, or none. */
  letterhead?: LetterheadMode | undefined;
  /**
   * The output's script: its `words` put the tool's own words (牵头单位, 印发…) in it, and plan text
   * never passes through them. A whole-document conversion (`convert`) is the publishing stage's.
   */
  script?: ScriptChoice | undefined;
  /** Contents of file attachments (Markdown), by their `file` value; the caller reads them. */
  attachmentFiles?: Map<string, string> | undefined;
  /** The plan a speech file's figure references read (its `figures:`); the caller loads it. */
  figures?: PlanFile | undefined;
}

export interface MeasureView {
  title: string;
  /** First paragraph of the text, run in after the lead sentence ('' when none). */
  body: string;
  /** Further paragraphs of the text. */
  more: string[];
  /** The lead units joined with 、 (one unit or several), own or inherited; null when none. */
  lead: string | null;
  leads: string[];
  responsible: string[];
  due: string | null;
  /** The measure's number as the document prints it (1. by default; （一） in a run-in 要点). */
  number: string;
  /** （1）（2） sub-items, after the text. */
  items: { number: string; text: string }[];
  /** The units written after the measure (owners.show or --owners), in the plan's style; '' when not shown. */
  ownersInline: string;
  /** The same as lines under the measure (`owners.style: lines`). */
  ownersLines: string[];
  targets: TargetView[];
  progress: { status: string; result: string | null; values: { name: string; value: number; unit: string }[] } | null;
  speech: string | null;
}

export interface TargetView {
  name: string;
  value: number;
  unit: string;
  text: string;
}

export interface SectionView {
  title: string;
  speechTitle: string;
  /** Its number (一、 or （一） …; '' when unnumbered) and its Markdown heading marks (## for 一、). */
  number: string;
  marks: string;
  /** Run in: number and bold title lead into the first intro paragraph (`body`), `more` follow. */
  runin: boolean;
  body: string;
  more: string[];
  intro: string[];
  sections: SectionView[];
  measures: MeasureView[];
}

export interface PlanView {
  kind: string;
  title: string;
  issuer: string | null;
  number: string | null;
  date: string;
  year: number;
  recipients: string[];
  guidance: string[];
  /** The 印发通知 the plan is issued under; the plan follows it on a new page. */
  notice: { title: string; text: string[] } | null;
  sections: SectionView[];
  /** Measures of a plan without sections. */
  measures: MeasureView[];
  conclusion: string[];
  signature: string | null;
  letterhead: string[];
  letterheadMode: PrintedLetterhead;
  signers: string[];
  seal: boolean;
  note: string | null;
  attachments: { title: string; builtin: string | null; file: string | null; content: string }[];
  tasks: TasksView;
  cc: string[];
  printedBy: string | null;
  printedOn: string | null;
  speech: Record<string, unknown> | null;
  options: RenderOptions;
}

export function buildPlanView(plan: Plan, options: RenderOptions): PlanView {
  const unit = (name: string) => options.units?.get(name) ?? name;
  const inherited = new Map(allMeasures(plan).map((at) => [at.measure, at.owners]));
  const outline: Outline = { start: plan.outline?.start ?? 1, sections: plan.outline?.sections ?? 'heading' };
  const show = options.owners || (plan.owners?.show ?? false);
  const L: Words = options.script?.words ?? HANS_WORDS;
  const measureOwners = (measure: Measure): MeasureOwnersView => {
    const own = inherited.get(measure)!;
    const view = { lead: own.lead.map(unit), responsible: own.responsible.map(unit), due: own.due ? L(formatDue(own.due)) : null };
    return { ...view, ...(show ? writeOwners(view, plan.owners, L) : { inline: '', lines: [] }) };
  };
  return {
    kind: plan.kind ?? 'opinion',
    title: plan.title,
    issuer: plan.issuer ?? null,
    number: plan.number ?? null,
    date: plan.date,
    year: planYear(plan),
    recipients: (plan.recipients ?? []).map(unit),
    guidance: splitParagraphs(plan.guidance),
    notice: buildNoticeView(plan, L),
    sections: (plan.sections ?? []).map((s, i) => buildSectionView(s, i, outline.start, outline, measureOwners)),
    measures: (plan.measures ?? []).map((m, j) => buildMeasureView(m, j, outline.start === 1 ? 3 : outline.start, measureOwners(m))),
    conclusion: splitParagraphs(plan.conclusion),
    signature: plan.signature ?? plan.issuer ?? null,
    letterhead:
      options.letterhead === 'none' || !plan.letterhead ? [] : typeof plan.letterhead === 'string' ? [plan.letterhead] : plan.letterhead,
    letterheadMode: options.letterhead === 'preprinted' ? 'preprinted' : 'red',
    signers: plan.signers ?? [],
    seal: plan.seal ?? false,
    note: plan.note ?? null,
    attachments: (plan.attachments ?? []).map((a) =>
      a === 'tasks'
        ? { title: tasksTitle(plan, L), builtin: 'tasks', file: null, content: '' }
        : { title: a.title, builtin: null, file: a.file ?? null, content: (a.file && options.attachmentFiles?.get(a.file)) || '' },
    ),
    tasks: buildTasksView(plan, options),
    cc: (plan.cc ?? []).map(unit),
    printedBy: plan.printedBy ?? null,
    printedOn: plan.printedOn ?? null,
    speech: null,
    options,
  };
}

interface MeasureOwnersView {
  lead: string[];
  responsible: string[];
  due: string | null;
  inline: string;
  lines: string[];
}

/**
 * A measure's units in the office's own phrasing: （牵头单位：…；责任单位：…；完成时限：…）,
 * （X、Y牵头，Z按职责分工负责）, lines of their own, or the plan's template with {lead},
 * {responsible} and {due}.
 */
function writeOwners(
  owners: { lead: string[]; responsible: string[]; due: string | null },
  style: Plan['owners'],
  L: (text: string) => string,
): { inline: string; lines: string[] } {
  const lead = owners.lead.join('、');
  const responsible = owners.responsible.join('、');
  if (style?.template) {
    const filled = style.template.replace(/\{(lead|responsible|due)\}/g, (_, key: string) => (key === 'lead' ? lead : key === 'responsible' ? responsible : (owners.due ?? '')));
    return { inline: filled, lines: [] };
  }
  const labelled = [
    ...(lead ? [`${L('牵头单位：')}${lead}`] : []),
    ...(responsible ? [`${L('责任单位：')}${responsible}`] : []),
    ...(owners.due ? [`${L('完成时限：')}${owners.due}`] : []),
  ];
  switch (style?.style ?? 'colon') {
    case 'lines':
      return { inline: '', lines: labelled };
    case 'lead-first': {
      const parts = [...(lead ? [`${lead}${L('牵头')}`] : []), ...(responsible ? [`${responsible}${L('按职责分工负责')}`] : [])];
      return { inline: parts.length ? `（${parts.join('，')}）` : '', lines: [] };
    }
    case 'colon':
      return { inline: labelled.length ? `（${labelled.join('；')}）` : '', lines: [] };
  }
}

/** The notice's title and text, as the plan gives them or in the usual words. */
function buildNoticeView(plan: Plan, L: (text: string) => string): PlanView['notice'] {
  if (!plan.notice) return null;
  const own = plan.notice === true ? {} : plan.notice;
  return {
    title: own.title ?? `${L('关于印发')}《${plan.title}》${L('的通知')}`,
    text: splitParagraphs(own.text ?? `${L('现将')}《${plan.title}》${L('印发给你们，请结合实际认真贯彻落实。')}`),
  };
}

type Level = 1 | 2 | 3 | 4;
type SectionLayout = 'heading' | 'runin' | 'unnumbered';
interface Outline {
  start: 1 | 2 | 3;
  /** One layout for every level, or one per level (the last repeats). */
  sections: SectionLayout | SectionLayout[];
}
const layoutAt = (outline: Outline, depth: number): SectionLayout =>
  Array.isArray(outline.sections) ? outline.sections[Math.min(depth, outline.sections.length - 1)]! : outline.sections;

const deeper = (level: number): Level => Math.min(4, level + 1) as Level;

/**
 * A section at its level: 一、 at the top (or where outline.start puts the top), （一） below it.
 * Its measures are numbered 1. (GB/T's third level) whatever the section's depth, as offices do,
 * unless the section itself already sits at the third level.
 */
function buildSectionView(
  section: Section,
  index: number,
  level: number,
  outline: Outline,
  owners: (m: Measure) => MeasureOwnersView,
  depth = 0,
): SectionView {
  const at = Math.min(4, level) as Level;
  const layout = layoutAt(outline, depth);
  // Points (一是……二是……) are one more paragraph of the intro, so a run-in title can lead into them.
  const intro = [...splitParagraphs(section.intro), ...(section.points ? [enumeratePoints(section.points.map(toClause), section.separator ?? '；')] : [])];
  const [body = '', ...more] = intro;
  return {
    title: section.title,
    speechTitle: section.speechTitle ?? section.title,
    number: layout === 'unnumbered' ? '' : formatLevelNumber(at, index + 1),
    marks: '#'.repeat(at + 1),
    runin: layout === 'runin',
    body,
    more,
    intro,
    sections: (section.sections ?? []).map((s, i) => buildSectionView(s, i, at + 1, outline, owners, depth + 1)),
    measures: (section.measures ?? []).map((m, j) => buildMeasureView(m, j, Math.max(3, deeper(at)) as Level, owners(m))),
  };
}

function buildMeasureView(measure: Measure, index: number, level: Level, owners: MeasureOwnersView): MeasureView {
  const progress = currentProgress(measure);
  const [body = '', ...more] = splitParagraphs(measure.text);
  return {
    title: measure.title,
    number: formatLevelNumber(level, index + 1),
    body,
    more,
    lead: owners.lead.length ? owners.lead.join('、') : null,
    leads: owners.lead,
    responsible: owners.responsible,
    due: owners.due,
    items: (measure.items ?? []).map((text, k) => ({ number: formatLevelNumber(deeper(level), k + 1), text })),
    ownersInline: owners.inline,
    ownersLines: owners.lines,
    targets: (measure.targets ?? []).map(buildTargetView),
    progress: progress
      ? {
          status: progress.status,
          result: progress.result ?? null,
          values: progressFigures(measure).map(({ name, value, unit }) => ({ name, value, unit: unit ?? '' })),
        }
      : null,
    speech: measure.speech ?? null,
  };
}

function buildTargetView(target: Target): TargetView {
  return { name: target.name, value: target.value, unit: target.unit ?? '', text: targetText(target) };
}

/** The plan's `table.title`, or 2026年重点任务分工表 in the plan's script. */
function tasksTitle(plan: Plan, L: (text: string) => string = (text) => text): string {
  return plan.table?.title ?? `${planYear(plan)}${L('年重点任务分工表')}`;
}

export function buildTasksView(plan: Plan, options: RenderOptions): TasksView {
  const L: Words = options.script?.words ?? HANS_WORDS;
  // The tool's words in a row: the due phrase and the unit's role.
  const rows = taskRows(plan, {
    withText: options.taskText ?? false,
    unit: options.unit,
    units: options.units,
    numbering: options.taskNumbers,
  }).map((row) => ({ ...row, due: L(row.due), role: L(row.role) }));
  const unit = options.unit === undefined ? null : (options.units?.get(options.unit) ?? options.unit);
  const hasTargets = allMeasures(plan).some(({ measure }) => (measure.targets ?? []).length > 0);
  const columns = taskColumns(plan, { hasTargets, unit: unit !== null });
  return {
    title: unit ? `${tasksTitle(plan, L)}（${unit}）` : tasksTitle(plan, L),
    hasTargets,
    unit,
    rows,
    header: columns.map((c) => (c.builtin ? L(c.title) : c.title)),
    cells: rows.map((row) => taskCells(row, columns)),
  };
}
