/**
 * `import-progress`, as an engine: filled 进展填报表 → dated progress reports appended to the plan.
 * Each form is checked cell by cell against the plan (which plan and unit it is for, its columns,
 * each row's hidden key and its task, the state, the numbers, the date); every problem is a
 * Diagnostic at its cell (file.xlsx!Sheet!C7). If any form has a problem, nothing is changed. A
 * report the plan already has is not added again, so reading the same form twice adds nothing.
 * Writes nothing: the caller writes (or shows the diff).
 */
import { isDeepStrictEqual } from 'node:util';
import { type Diagnostic, makeDiagnostic } from '../diagnostic.js';
import { FORM_STATES, measureKey, progressForms } from '../oversight/progress-form.js';
import { unitRegistry } from '../plan/config.js';
import { type Plan, type ProgressReport, currentProgress, isSpeechFile, planYear } from '../plan/model.js';
import { type MeasureAt, allMeasures } from '../plan/plan-walk.js';
import { parseIsoDate } from '../text/dates.js';
import { loadConverters } from '../text/script.js';
import { UsageError } from '../usage-error.js';
import { type ProgressAddition, appendProgress } from './append-progress.js';
import { type CheckedPlan, checkPlans } from './check-plans.js';
import { FORM_COLUMNS, type FormColumnSpec, type FormInfo, INFO_SHEET, decodeFormInfo, parseRowKey } from './progress-form-layout.js';
import { type MergeColumns, type UnitReport, keepLeadState, mergeUnitReports, noteOf } from './merge-unit-reports.js';
import { type FormCell, type FormWorkbook, readProgressForm } from './read-progress-forms.js';

const HEADER_ROW = 3;
const FIRST_ROW = 4;

export interface ImportProgressRequest {
  forms: readonly string[];
  into: string;
  /** The report date of a row whose 填报日期 is empty (before the workbook's own date). */
  asOf?: string;
  /** Accept only forms of this unit. */
  unit?: string;
}

export interface ImportProgressResult {
  /** Problems of the plan or the forms; with an error among them, `after` is the plan as it was. */
  diagnostics: Diagnostic[];
  plan?: CheckedPlan;
  before?: string;
  after?: string;
  /** Reports appended, and reports the plan already had (not added again). */
  added: number;
  unchanged: number;
}

export async function importProgress(request: ImportProgressRequest, read: (file: string) => Promise<FormWorkbook | Diagnostic> = readProgressForm): Promise<ImportProgressResult> {
  if (request.asOf !== undefined && !parseIsoDate(request.asOf)) throw new UsageError(`--as-of 应为 YYYY-MM-DD 格式的日期，例如 2025-09-30，这里是“${request.asOf}”`);
  const checked = await checkPlans([request.into]);
  const plan = checked.plans[0];
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !plan?.loaded) return { diagnostics: errors, added: 0, unchanged: 0 };
  if (isSpeechFile(plan.loaded.plan)) throw new UsageError(`“${plan.shown}”是汇报发言文件，没有举措，不能读回进展`);
  const { toSimplified } = await loadConverters();
  const context: FormContext = {
    plan: plan.loaded.plan,
    units: unitRegistry(plan.config.config),
    simplify: (text) => toSimplified(text.trim()),
    ...(request.asOf !== undefined ? { asOf: request.asOf } : {}),
    ...(request.unit !== undefined ? { unit: request.unit } : {}),
  };
  const diagnostics: Diagnostic[] = [];
  const found: FoundReport[] = [];
  for (const file of request.forms) {
    const book = await read(file);
    if ('ruleId' in book) {
      diagnostics.push(book);
      continue;
    }
    const result = readForm(book, context);
    diagnostics.push(...result.diagnostics);
    found.push(...result.reports);
  }
  const base = { plan, before: plan.loaded.source, added: 0, unchanged: 0 };
  if (diagnostics.some((d) => d.severity === 'error')) return { ...base, diagnostics, after: plan.loaded.source };
  const merged = mergeByDate(found);
  diagnostics.push(...merged.diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { ...base, diagnostics, after: plan.loaded.source };
  const { additions, unchanged } = newReports(merged.found, diagnostics);
  if (additions.length === 0) return { ...base, diagnostics, after: plan.loaded.source, unchanged };
  const appended = appendProgress(plan.loaded, additions);
  if ('diagnostics' in appended) return { ...base, diagnostics: [...diagnostics, ...appended.diagnostics], after: plan.loaded.source, unchanged };
  return { ...base, diagnostics, after: appended.source, added: additions.reduce((n, a) => n + a.reports.length, 0), unchanged };
}

interface FormContext {
  plan: Plan;
  units: Map<string, string> | undefined;
  simplify(text: string): string;
  asOf?: string;
  unit?: string;
}

interface FoundReport extends UnitReport {
  measure: MeasureAt;
}

/** The reports of several units on one measure and one date, as one report (merge-unit-reports.ts), in the order first read. */
function mergeByDate(found: readonly FoundReport[]): { found: FoundReport[]; diagnostics: Diagnostic[] } {
  const groups = new Map<string, FoundReport[]>();
  const measureIds = new Map<MeasureAt['measure'], number>();
  for (const f of found) {
    if (!measureIds.has(f.measure.measure)) measureIds.set(f.measure.measure, measureIds.size);
    const key = `${measureIds.get(f.measure.measure)}@${f.report.date}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const diagnostics: Diagnostic[] = [];
  const out: FoundReport[] = [];
  for (const group of groups.values()) {
    const merged = mergeUnitReports(group, `${group[0]!.measure.label}“${group[0]!.measure.measure.title}”`, { state: column('state'), value: column('value') } satisfies MergeColumns);
    diagnostics.push(...merged.diagnostics);
    if (!merged.report) continue;
    const first = group[0]!;
    // Participants alone do not move the measure's state: it is the lead unit's.
    const report = group.some((r) => r.role === 'lead')
      ? merged.report
      : keepLeadState(merged.report, group.map((r) => r.unit), currentProgress(first.measure.measure, first.report.date)?.status);
    out.push({ ...first, report });
  }
  return { found: out, diagnostics };
}

/**
 * The reports the plan does not have yet, grouped by measure in plan order. A different report on a
 * day the plan already has one for that measure (a unit's form read after another's was imported)
 * is not appended: two reports of one day would leave the state to their order in the file. A
 * warning says so, to be merged by hand.
 */
function newReports(found: readonly FoundReport[], diagnostics: Diagnostic[]): { additions: ProgressAddition[]; unchanged: number } {
  const byMeasure = new Map<MeasureAt['measure'], ProgressAddition>();
  let unchanged = 0;
  for (const { measure, report, file, sheet, row, unit } of found) {
    const existing = Array.isArray(measure.measure.progress) ? measure.measure.progress : [];
    const addition = byMeasure.get(measure.measure);
    if ([...existing, ...(addition?.reports ?? [])].some((r) => isDeepStrictEqual({ ...r }, report))) {
      unchanged++;
      continue;
    }
    if (existing.some((r) => r.date === report.date)) {
      diagnostics.push(
        makeDiagnostic(
          'form-progress',
          `${measure.label}“${measure.measure.title}”在计划里已有${report.date}的进展报告，${unit}这张表的同日报告与它不同，没有追加：同一天的几张表请一起读回（牵头单位的状态为准，其他单位的文字记入说明），或在计划里手工合并`,
          { file, cell: { sheet, row, column: column('state') } },
          'warning',
        ),
      );
      continue;
    }
    if (addition) addition.reports.push(report);
    else byMeasure.set(measure.measure, { path: measure.path, label: measure.label, reports: [report] });
  }
  return { additions: [...byMeasure.values()], unchanged };
}

/** Reads one workbook against the plan: its reports, or the problems of its cells. */
export function readForm(book: FormWorkbook, context: FormContext): { reports: FoundReport[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at: At = (row, column, ruleId, message) => diagnostics.push(makeDiagnostic(ruleId, message, { file: book.file, cell: { sheet: book.sheet, row, column } }));
  const fail = () => ({ reports: [], diagnostics });
  const { plan, simplify } = context;
  const year = planYear(plan);
  const info: FormInfo | undefined = book.info === undefined ? undefined : decodeFormInfo(book.info);
  if (!info) {
    at(1, 1, 'form-plan', `不是 workplan 生成的填报表（缺少隐藏的“${INFO_SHEET}”工作表，或它被改动过）：请用 workplan status --forms 生成的表填写`);
    return fail();
  }
  const titleColumn = 2;
  if (info.plan !== plan.title || info.year !== year) {
    at(1, titleColumn, 'form-plan', `这是《${info.plan}》（${info.year}年）的填报表，不是《${plan.title}》（${year}年）的：请换用这份计划生成的填报表`);
    return fail();
  }
  const canon = (name: string) => context.units?.get(name) ?? name;
  const unit = canon(info.unit);
  const form = progressForms(plan, { asOf: info.asOf, unit, units: context.units })[0];
  if (!form) {
    at(2, titleColumn, 'form-unit', `填报单位“${info.unit}”在计划中没有牵头或参与的举措：计划的分工可能已改，请重新生成填报表`);
    return fail();
  }
  if (context.unit !== undefined && canon(context.unit) !== unit) {
    at(2, titleColumn, 'form-unit', `这是“${info.unit}”的填报表，不是“${context.unit}”的`);
    return fail();
  }
  if (!checkHeader(book, simplify, at)) return fail();
  // Merged cells: only the title, subtitle and note lines span the sheet; a merge among the rows or the header hides cells.
  const spanning = new Set<number>();
  for (const range of book.merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!m) continue;
    const [top, bottom] = [Number(m[2]), Number(m[4])];
    if (top === bottom && m[1] === 'B' && columnNumber(m[3]!) === FORM_COLUMNS.length && top !== HEADER_ROW) spanning.add(top);
    else at(top, columnNumber(m[1]!), 'form-layout', `单元格 ${range} 被合并了：填报表的每一格对应一项任务的一项内容，请取消合并后再报回`);
  }
  if (diagnostics.length) return fail();
  const own = new Set(form.rows.map((r) => r.key));
  const measures = new Map(allMeasures(plan).map((m) => [measureKey(m.measure, m.path), m]));
  const seen = new Map<string, number>();
  // The rows of each measure, wherever they are on the sheet (sorting the rows changes nothing).
  const found = new Map<string, { measure: MeasureAt; rows: { row: number; target?: string }[] }>();
  for (let row = FIRST_ROW; row <= book.rowCount; row++) {
    if (spanning.has(row)) continue;
    const filled = FORM_COLUMNS.some((c, i) => c.fill && book.cell(row, i + 1).kind !== 'empty');
    const keyCell = book.cell(row, column('key'));
    if (keyCell.kind === 'empty') {
      if (filled) at(row, column('key'), 'form-key', '这一行填了进展，却没有隐藏的举措编号（A 列被清空，或这一行是新加的）：请在工具生成的行里填写');
      continue;
    }
    const key = cellText(keyCell);
    const parsed = parseRowKey(key);
    const measure = measures.get(parsed.measure);
    if (!measure) {
      at(row, column('key'), 'form-key', `举措编号“${decodeKey(parsed.measure)}”在计划中找不到：这项举措可能已删除或改了 id，请重新生成填报表`);
      continue;
    }
    if (seen.has(key)) {
      at(row, column('key'), 'form-key', `举措编号“${decodeKey(key)}”与第 ${seen.get(key)} 行重复：同一项任务的同一项指标只填一行`);
      continue;
    }
    seen.set(key, row);
    if (!own.has(parsed.measure)) {
      at(row, column('key'), 'form-unit', `${measure.label}“${measure.measure.title}”不是“${info.unit}”牵头或参与的任务：这一行不属于这张填报表`);
      continue;
    }
    const title = cellText(book.cell(row, column('title')));
    const targets = measure.measure.targets ?? [];
    const targetCell = cellText(book.cell(row, column('target')));
    if (simplify(title) !== simplify(measure.measure.title) || (parsed.target !== undefined && simplify(targetCell) !== simplify(parsed.target))) {
      at(row, column('title'), 'form-key', `这一行的工作任务“${title}”与隐藏的编号所指的“${measure.measure.title}”不符：行的内容被打乱或改动过，请用工具生成的表重新填写`);
      continue;
    }
    if (parsed.target === undefined ? targets.length > 0 : !targets.some((t) => t.name === parsed.target)) {
      at(row, column('key'), 'form-key', `“${measure.measure.title}”${parsed.target === undefined ? '有量化指标，这一行却没有指标' : `没有“${parsed.target}”这项指标`}：计划的指标已改，请重新生成填报表`);
      continue;
    }
    const entry = found.get(parsed.measure) ?? { measure, rows: [] };
    entry.rows.push(parsed.target === undefined ? { row } : { row, target: parsed.target });
    found.set(parsed.measure, entry);
  }
  if (diagnostics.length) return fail();
  const reports: FoundReport[] = [];
  for (const { measure, rows } of found.values()) {
    const read = readMeasure(book, measure, rows, { ...context, year }, at);
    const role = form.rows.find((r) => r.key === measureKey(measure.measure, measure.path))?.role ?? 'shared';
    const targetRows = new Map(rows.flatMap((r) => (r.target === undefined ? [] : [[r.target, r.row] as const])));
    if (read) reports.push({ measure, unit, role, file: book.file, sheet: book.sheet, row: read.row, targetRows, report: read.report, texts: read.texts });
  }
  if (diagnostics.length) return fail();
  if (reports.length === 0) at(FIRST_ROW, column('state'), 'form-empty', `填报表没有填写任何进展（“${info.unit}”的 ${form.rows.length} 项任务都是空的）：请填写后再报回，或不要导入这张表`);
  return { reports: diagnostics.length ? [] : reports, diagnostics };
}

type At = (row: number, column: number, ruleId: Diagnostic['ruleId'], message: string) => void;

/** The sheet column (1-based) of a form column. */
const column = (id: FormColumnSpec['id']) => FORM_COLUMNS.findIndex((c) => c.id === id) + 1;

/** Every column where the form put it, under its header (in either script): columns deleted, moved or renamed are caught here. */
function checkHeader(book: FormWorkbook, simplify: (t: string) => string, at: At): boolean {
  for (const [i, c] of FORM_COLUMNS.entries()) {
    const found = cellText(book.cell(HEADER_ROW, i + 1));
    if (simplify(found) !== simplify(c.header)) {
      at(HEADER_ROW, i + 1, 'form-layout', `这一列的表头应为“${c.header}”，这里是“${found || '（空）'}”：列被删除、移动或改动过，请用工具生成的填报表填写`);
      return false;
    }
  }
  for (let col = FORM_COLUMNS.length + 1; col <= book.columnCount; col++) {
    const extra = book.cell(HEADER_ROW, col);
    if (extra.kind !== 'empty') {
      at(HEADER_ROW, col, 'form-layout', `填报表多了一列“${cellText(extra)}”：请不要增加列`);
      return false;
    }
  }
  return true;
}

/** One measure's rows → its report (none when nothing is filled), or its problems (reported through `at`). */
function readMeasure(
  book: FormWorkbook,
  measure: MeasureAt,
  rows: readonly { row: number; target?: string }[],
  context: FormContext & { year: number },
  at: At,
): { report: ProgressReport; texts: UnitReport['texts']; row: number } | undefined {
  let ok = true;
  const problem: At = (...args) => {
    ok = false;
    at(...args);
  };
  const filled = (row: number) => FORM_COLUMNS.some((c, i) => c.fill && book.cell(row, i + 1).kind !== 'empty');
  if (!rows.some((r) => filled(r.row))) return undefined;
  // A formula whose result the workbook does not hold would otherwise read as nothing at all.
  for (const { row } of rows) {
    for (const [i, c] of FORM_COLUMNS.entries()) {
      const cell = book.cell(row, i + 1);
      if (c.fill && cell.kind === 'formula') {
        problem(row, i + 1, 'form-formula', `这一格是公式“=${cell.formula}”，工作簿里没有它的计算结果（保存它的程序没有计算公式）：请在 Excel 或 WPS 中打开、保存一次，或直接填写${c.header}`);
      }
    }
  }
  if (!ok) return undefined;
  const firstTarget = measure.measure.targets?.[0]?.name;
  const first = rows.find((r) => r.target === firstTarget)?.row;
  // The measure's own cells are open on its first row only; the grey ones elsewhere must stay empty.
  for (const { row } of rows) {
    if (row === first) continue;
    for (const [i, c] of FORM_COLUMNS.entries()) {
      if (c.perMeasure && book.cell(row, i + 1).kind !== 'empty') {
        problem(row, i + 1, 'form-layout', `这一格是灰色的，不用填写：“${c.header}”填在这项任务的第一行${first !== undefined ? `（第 ${first} 行）` : ''}`);
      }
    }
  }
  if (first === undefined) {
    problem(rows[0]!.row, column('key'), 'form-key', `“${measure.measure.title}”的第一行（指标“${firstTarget}”）不在表中：进展状态等填在那一行，请用工具生成的表重新填写`);
    return undefined;
  }
  const labels = FORM_STATES.map((s) => s.label).join('、');
  const stateCell = book.cell(first, column('state'));
  let status: ProgressReport['status'] | undefined;
  if (stateCell.kind === 'empty') problem(first, column('state'), 'form-state', `这一项任务填了进展，却没有选进展状态：请从下拉列表中选择（${labels}）`);
  else {
    const said = context.simplify(cellText(stateCell));
    status = FORM_STATES.find((s) => s.label === said || s.status === said)?.status;
    if (!status) problem(first, column('state'), 'form-state', `进展状态“${cellText(stateCell)}”不在下拉列表中：应为${labels}之一`);
  }
  const values: Record<string, number> = {};
  for (const { row, target } of rows) {
    const cell = book.cell(row, column('value'));
    if (cell.kind === 'empty') continue;
    if (target === undefined) {
      problem(row, column('value'), 'form-number', `这一格是灰色的：“${measure.measure.title}”没有量化指标，不用填写完成值`);
      continue;
    }
    const value = numberOf(cell);
    const unit = measure.measure.targets?.find((t) => t.name === target)?.unit;
    if (value === undefined) problem(row, column('value'), 'form-number', `完成值应为数字（不带单位），这里是“${cellText(cell)}”`);
    else if (cell.kind === 'number' && cell.percent) {
      // Typed as 90% (Excel and WPS then store 0.9 in a percentage cell): the figure is 90 of a % target.
      if (unit === '%') values[target] = Number((value * 100).toPrecision(12));
      else problem(row, column('value'), 'form-number', `完成值设成了百分比格式（${Number((value * 100).toPrecision(12))}%），指标“${target}”的单位却是“${unit ?? '（无）'}”：请把这一格改为常规格式，填写数字`);
    } else values[target] = value;
  }
  const texts: Partial<Record<'result' | 'problems' | 'next', string>> = {};
  for (const id of ['result', 'problems', 'next'] as const) {
    const cell = book.cell(first, column(id));
    if (cell.kind === 'error') problem(first, column(id), 'form-layout', `这一格是错误值“${cell.text}”，请改为文字`);
    const text = cellText(cell).trim();
    if (text && cell.kind !== 'error') texts[id] = text;
  }
  const dateCell = book.cell(first, column('date'));
  let date: string | undefined;
  if (dateCell.kind !== 'empty') {
    date = dateOf(dateCell);
    if (date === undefined) problem(first, column('date'), 'form-date', `填报日期“${cellText(dateCell)}”无法识别：请写成 ${context.year}-09-30 或 ${context.year}年9月30日`);
    else if (!date.startsWith(`${context.year}-`)) problem(first, column('date'), 'form-date', `填报日期${date}不在计划年度${context.year}年内`);
  } else {
    date = context.asOf ?? book.modified;
    if (date === undefined) problem(first, column('date'), 'form-date', '没有填报日期：请填写，或用 --as-of 给出报告日期');
    else if (!date.startsWith(`${context.year}-`)) {
      problem(first, column('date'), 'form-date', `没有填报日期，${context.asOf !== undefined ? '--as-of 给出的' : '工作簿的保存日期'}${date}不在计划年度${context.year}年内：请填写填报日期，或用 --as-of 给出报告日期`);
    }
  }
  if (!ok || status === undefined || date === undefined) return undefined;
  const note = noteOf(texts);
  const report: ProgressReport = {
    date,
    status,
    ...(texts.result ? { result: texts.result } : {}),
    ...(Object.keys(values).length ? { values } : {}),
    ...(note ? { note } : {}),
  };
  return { report, texts, row: first };
}

function cellText(cell: FormCell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.iso;
    case 'error':
      return cell.text;
    case 'formula':
      return `=${cell.formula}`;
  }
}

/** A number, or text that is only a number (WPS and pasted cells often hold “12” as text); anything with a unit or words is not. */
function numberOf(cell: FormCell): number | undefined {
  if (cell.kind === 'number') return cell.value;
  if (cell.kind !== 'text') return undefined;
  const text = cell.text.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : undefined;
}

/** A day from a date cell, an unformatted serial number, or text: 2025-09-30, 2025/9/30, 2025.9.30, 2025年9月30日. */
function dateOf(cell: FormCell): string | undefined {
  if (cell.kind === 'date') return cell.iso;
  if (cell.kind === 'number') {
    // Excel's serial day (1900 system); days after 1900-02-28 count Excel's phantom 29 February.
    if (!Number.isInteger(cell.value) || cell.value < 61 || cell.value > 2958465) return undefined;
    return new Date(Date.UTC(1899, 11, 30) + cell.value * 86_400_000).toISOString().slice(0, 10);
  }
  if (cell.kind !== 'text') return undefined;
  const m = /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$/.exec(cell.text);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return parseIsoDate(iso) ? iso : undefined;
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** A key as a person reads it: the id, or the measure's place. */
function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/^(id|at):/, ''));
  } catch {
    return key;
  }
}
