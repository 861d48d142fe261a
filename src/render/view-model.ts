/**
 * Plan → the object templates see. Handlebars runs in strict mode, so every key a template may
 * test is present (null or [] when the plan leaves it out). Numbering is not here: helpers compute it.
 */
import type { LetterheadMode, PrintedLetterhead } from '../markdown/blocks.js';
import { type Measure, type Plan, type Section, type Target, planYear, progressFigures, targetText } from '../plan/model.js';
import { allMeasures } from '../plan/plan-walk.js';
import { formatDue } from '../text/dates.js';
import { splitParagraphs } from '../text/paragraphs.js';
import type { TaskNumbering } from '../tasks/task-numbering.js';
import { type TaskRow, taskRows } from '../tasks/task-rows.js';

export interface TasksView {
  title: string;
  hasTargets: boolean;
  /** The unit whose own list this is, or null for the whole table. */
  unit: string | null;
  rows: TaskRow[];
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
  /** Contents of file attachments (Markdown), by their `file` value; the caller reads them. */
  attachmentFiles?: Map<string, string> | undefined;
}

export interface MeasureView {
  title: string;
  /** First paragraph of the text, run in after the lead sentence ('' when none). */
  body: string;
  /** Further paragraphs of the text. */
  more: string[];
  lead: string | null;
  responsible: string[];
  due: string | null;
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
  sections: SectionView[];
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
  return {
    kind: plan.kind ?? 'opinion',
    title: plan.title,
    issuer: plan.issuer ?? null,
    number: plan.number ?? null,
    date: plan.date,
    year: planYear(plan),
    recipients: (plan.recipients ?? []).map(unit),
    guidance: splitParagraphs(plan.guidance),
    sections: plan.sections.map((s) => buildSectionView(s, unit)),
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
        ? { title: tasksTitle(plan), builtin: 'tasks', file: null, content: '' }
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

function buildSectionView(section: Section, unit: (name: string) => string): SectionView {
  return {
    title: section.title,
    speechTitle: section.speechTitle ?? section.title,
    intro: splitParagraphs(section.intro),
    sections: (section.sections ?? []).map((s) => buildSectionView(s, unit)),
    measures: (section.measures ?? []).map((m) => buildMeasureView(m, unit)),
  };
}

function buildMeasureView(measure: Measure, unit: (name: string) => string): MeasureView {
  const [body = '', ...more] = splitParagraphs(measure.text);
  return {
    title: measure.title,
    body,
    more,
    lead: measure.lead ? unit(measure.lead) : null,
    responsible: (measure.responsible ?? []).map(unit),
    due: measure.due ? formatDue(measure.due) : null,
    targets: (measure.targets ?? []).map(buildTargetView),
    progress: measure.progress
      ? {
          status: measure.progress.status,
          result: measure.progress.result ?? null,
          values: progressFigures(measure).map(({ name, value, unit }) => ({ name, value, unit: unit ?? '' })),
        }
      : null,
    speech: measure.speech ?? null,
  };
}

function buildTargetView(target: Target): TargetView {
  return { name: target.name, value: target.value, unit: target.unit ?? '', text: targetText(target) };
}

function tasksTitle(plan: Plan): string {
  return `${planYear(plan)}年重点任务分工表`;
}

export function buildTasksView(plan: Plan, options: RenderOptions): TasksView {
  const rows = taskRows(plan, {
    withText: options.taskText ?? false,
    unit: options.unit,
    units: options.units,
    numbering: options.taskNumbers,
  });
  const unit = options.unit === undefined ? null : (options.units?.get(options.unit) ?? options.unit);
  return {
    title: unit ? `${tasksTitle(plan)}（${unit}）` : tasksTitle(plan),
    hasTargets: allMeasures(plan).some(({ measure }) => (measure.targets ?? []).length > 0),
    unit,
    rows,
  };
}
