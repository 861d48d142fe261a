/**
 * The 重点任务分工表 read as a 文秘 reads it: header cells matched to the built-in columns through
 * their synonyms (in either script), the plan's own columns kept by header; a table's rows onto the
 * 举措 of the same title, or a table that stands alone turned into 举措 of its own.
 */
import { toHansByTable } from '../text/hant-pairs.js';
import { readDue, readMarker, readTarget, readUnits } from './import-text.js';
import type { PlanPathKey } from './import-guess.js';
import type { MeasureDraft, SectionDraft } from './plan-draft.js';
import { TASK_COLUMN_LABELS, type TaskColumnKey } from '../plan/task-table-keys.js';
import type { SourceCell, SourceTable } from './source-document.js';

const COLUMNS: [TaskColumnKey, RegExp][] = [
  ['seq', /^(序号|编号)$/],
  ['task', /^(工作任务|重点任务|任务内容|工作内容|任务|重点工作)$/],
  ['text', /^(具体内容|主要内容|具体措施|工作措施)$/],
  ['lead', /^(牵头单位|牵头部门|牵头领导单位)$/],
  ['responsible', /^(责任单位|配合单位|责任部门|参与单位|协办单位)$/],
  ['due', /^(完成时限|时间节点|完成时间|时限)$/],
  ['target', /^(目标|目标任务|工作目标|目标要求)$/],
];

/** A header cell as the synonym table spells it: no spaces, 简体 (牽頭單位, 工作任務, 完成時限… through the one 简/繁 table). */
function headerKey(text: string): string {
  return toHansByTable(text.replace(/\s/g, ''));
}

/**
 * Rows of a 重点任务分工表 onto the measures of the same title, in order; and, when the table is
 * not the default one, the plan's `table`: its title, its 序号 style and its columns, built-in ones
 * (renamed where the header differs) and the plan's own, whose cells go into each measure's `columns`.
 */
export function readTaskTable(
  table: SourceTable,
  measures: MeasureDraft[],
  heading: string | undefined,
  defaultTitle: string,
  guess: (path: PlanPathKey[], message: string) => void,
  keep: (path: PlanPathKey[], message: string, verbatim: string) => void,
): Record<string, unknown> | undefined {
  const [header, ...rows] = table.rows;
  if (!header) return undefined;
  // A column without a header gets one, 第N列, so that its cells have a name to go under.
  const headers = header.map((cell, k) => cell.text.trim().replace(/\s*\n\s*/g, '') || `第${k + 1}列`);
  if (header.some((cell) => !cell.text.trim())) guess(['attachments'], '任务表有没有表头的列，暂称“第N列”');
  const roles = headers.map((h) => COLUMNS.find(([, pattern]) => pattern.test(headerKey(h)))?.[0]);
  const titleColumn = roles.indexOf('task');
  if (titleColumn < 0) {
    guess(['attachments'], `附件中的表格没有“工作任务”一类的列（${headers.join('、')}），未按分工表读取`);
    return undefined;
  }
  const byTitle = new Map<string, MeasureDraft[]>();
  for (const m of measures) byTitle.set(m.title, [...(byTitle.get(m.title) ?? []), m]);
  let sectionRows = false;
  const grid = gridTexts(rows);
  for (const [r, row] of rows.entries()) {
    const cells = grid[r]!;
    // A row across the table: a 部分's title in the first cell, the rest empty.
    if (cells.every((c) => !c)) continue;
    if ((cells.length > 1 && cells.slice(1).every((c) => !c)) || (row.length === 1 && (row[0]!.colSpan ?? 1) > 1)) {
      sectionRows = true;
      continue;
    }
    const title = cells[titleColumn] ?? '';
    const m = byTitle.get(title)?.shift();
    if (!m) {
      keep(['attachments'], `任务表中的这一行在正文里找不到同名举措，没有放进计划`, cells.join(' | '));
      continue;
    }
    cells.forEach((text, k) => {
      if (!text) return;
      switch (roles[k]) {
        case 'lead':
          m.lead ??= readUnits(text);
          break;
        case 'responsible':
          m.responsible ??= readUnits(text);
          break;
        case 'due': {
          const due = readDue(text);
          if (due) m.due ??= due;
          else guess(['attachments'], `任务表中“${title}”的完成时限“${text}”无法识别，未导入`);
          break;
        }
        case 'target': {
          const targets = text.split('；').map(readTarget);
          if (targets.every(Boolean)) m.targets = targets;
          else guess(['attachments'], `任务表中“${title}”的目标“${text}”无法拆成指标，未导入`);
          break;
        }
        case undefined:
          m.columns = { ...m.columns, [headers[k]!]: /^\d+(\.\d+)?$/.test(text) ? Number(text) : text };
          break;
        default:
          break;
      }
    });
  }
  const out: Record<string, unknown> = {};
  if (heading && heading !== defaultTitle) out['title'] = heading;
  if (sectionRows) out['numbering'] = 'sections';
  const keys = headers.map((h, k) => [roles[k], headerKey(h)] as const);
  const standard = [...DEFAULT_TABLE, 'target'];
  const isDefault = keys.every(([role, key], k) => role === standard[k] && key === TASK_COLUMN_LABELS[role!]) && keys.length >= DEFAULT_TABLE.length;
  if (!isDefault) {
    out['columns'] = headers.map((h, k) => {
      const role = roles[k];
      if (!role) return { title: h };
      return headerKey(h) === TASK_COLUMN_LABELS[role] ? role : { key: role, title: h };
    });
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * The measures of a document that is only a 分工表: one per row, titled from the task column (and
 * its text from a 具体内容 column), under 部分 made from the rows that span the table.
 */
export function measuresFromTable(table: SourceTable, top: SectionDraft): boolean {
  const [header, ...rows] = table.rows;
  if (!header) return false;
  const roles = header.map((cell) => COLUMNS.find(([, pattern]) => pattern.test(headerKey(cell.text)))?.[0]);
  const task = roles.indexOf('task');
  const text = roles.indexOf('text');
  if (task < 0) return false;
  let section: SectionDraft | undefined;
  const grid = gridTexts(rows);
  for (const [r, row] of rows.entries()) {
    const cells = grid[r]!;
    if (cells.every((c) => !c)) continue;
    if ((cells.length > 1 && cells.slice(1).every((c) => !c)) || (row.length === 1 && (row[0]!.colSpan ?? 1) > 1)) {
      const heading = cells[0]!;
      const marker = readMarker(heading);
      section = { title: marker ? heading.slice(marker.length).trim() : heading, intro: [], sections: [], measures: [] };
      top.sections.push(section);
      continue;
    }
    const title = cells[task];
    if (!title) continue;
    const body = text >= 0 ? cells[text] : undefined;
    // inline: the cell's text is the measure's own, never the document's closing words.
    (section ?? top).measures.push({ title, text: body ? [body] : [], items: [], inline: true });
  }
  return true;
}

/** A table whose header names a task column: a 分工表, whatever its other columns. */
/**
 * Each row's text by the table's columns: a cell spanning columns stands in the first of them (the
 * others empty), and a cell that continues a merge from above (w:vMerge, a spreadsheet's merged
 * range) has the text of the cell it continues: a 牵头单位 merged over three rows leads all three.
 */
function gridTexts(rows: readonly SourceTable['rows'][number][]): string[][] {
  const out: string[][] = [];
  for (const [r, row] of rows.entries()) {
    const cells: string[] = [];
    for (const cell of row) {
      const column = cells.length;
      const text = cell.continued ? (out[r - 1]?.[column] ?? '') : cell.text.trim();
      cells.push(text);
      for (let k = 1; k < (cell.colSpan ?? 1); k++) cells.push('');
    }
    out.push(cells);
  }
  return out;
}

export function isTaskTable(table: SourceTable): boolean {
  return (table.rows[0] ?? []).some((cell) => COLUMNS.some(([key, pattern]) => key === 'task' && pattern.test(headerKey(cell.text))));
}

/** The default 分工表's columns, before the 目标 column a plan with targets adds. */
const DEFAULT_TABLE: readonly TaskColumnKey[] = ['seq', 'task', 'lead', 'responsible', 'due'];
