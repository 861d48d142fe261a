/**
 * A 分工表 kept as a spreadsheet (.xlsx, or .csv saved from Excel/WPS) as the one SourceDocument
 * the recognizer reads: the lines above the header (the table's title, 填报单位, a date) as
 * paragraphs, the header and the rows as a table, merged cells as the .docx reader gives them
 * (a span across the row is a 部分's title; a span down a column is one cell continued below),
 * and the notes under the table (注：…) as paragraphs after it. Pure: the cells come in as text.
 */
import type { SourceBlock, SourceCell, SourceDocument, SourceParagraph } from './source-document.js';

/** One sheet as plain text, 1-based rows and columns as the spreadsheet numbers them. */
export interface SheetGrid {
  name: string;
  /** rows[r][c]: the text of row r + 1, column c + 1 ('' when empty). */
  rows: string[][];
  /** Merged ranges, 1-based and inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
}

/** A header is within the first rows; a title block of more lines is not a 分工表's. */
const HEADER_SEARCH_ROWS = 12;
const NOTE = /^\s*(?:注|说明|備註|备注|註|填表说明)\s*[：:\d１-９]/;

export function sheetToSource(grid: SheetGrid, format: 'xlsx' | 'csv', skipped: string[] = []): SourceDocument {
  const rows = trimGrid(grid.rows);
  const width = Math.max(0, ...rows.map((r) => r.length));
  // Where each merged range starts, and which cells it covers.
  const start = new Map<string, { colSpan: number; rowSpan: number }>();
  // 'row': spanned over (no cell of its own); a number: a continued cell, as wide as the range.
  const covered = new Map<string, 'row' | number>();
  for (const m of grid.merges) {
    if (m.top > rows.length || m.left > width) continue;
    const bottom = Math.min(m.bottom, rows.length);
    const right = Math.min(m.right, width);
    start.set(`${m.top}:${m.left}`, { colSpan: right - m.left + 1, rowSpan: bottom - m.top + 1 });
    for (let r = m.top; r <= bottom; r++) {
      for (let c = m.left; c <= right; c++) {
        if (r === m.top && c === m.left) continue;
        // Under the range's first row its first column keeps its place (continued); the rest is spanned over.
        covered.set(`${r}:${c}`, c === m.left ? right - m.left + 1 : 'row');
      }
    }
  }
  const filled = (row: number) => (rows[row - 1] ?? []).filter((text, c) => text.trim() !== '' && !covered.has(`${row}:${c + 1}`)).length;
  const spansRow = (row: number) => (start.get(`${row}:1`)?.colSpan ?? 1) >= Math.max(2, Math.ceil(width / 2));
  // The header: the first row with several cells of their own (a title merged across the table is not one).
  let header = 0;
  for (let r = 1; r <= Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    if (filled(r) >= 2 && !spansRow(r)) {
      header = r;
      break;
    }
  }
  const blocks: SourceBlock[] = [];
  const paragraph = (row: number): SourceParagraph | undefined => {
    const text = (rows[row - 1] ?? [])
      .filter((_, c) => !covered.has(`${row}:${c + 1}`))
      .map((t) => t.trim())
      .filter(Boolean)
      .join(' ');
    return text ? { kind: 'paragraph', text, ...(row < header ? { align: 'center' as const } : {}), line: row } : undefined;
  };
  if (header === 0) {
    // No table shape: every line as a paragraph, so nothing is lost.
    for (let r = 1; r <= rows.length; r++) {
      const p = paragraph(r);
      if (p) blocks.push(p);
    }
    return { format, blocks, removed: [], ...(skipped.length ? { skipped } : {}) };
  }
  for (let r = 1; r < header; r++) {
    const p = paragraph(r);
    if (p) blocks.push(p);
  }
  // Notes at the foot: merged or single-cell lines that read as 注/说明, after the last row of the table.
  let end = rows.length;
  while (end > header && filled(end) <= 1 && NOTE.test((rows[end - 1] ?? []).join('').trim())) end--;
  const tableRows: SourceCell[][] = [];
  for (let r = header; r <= end; r++) {
    const cells: SourceCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cover = covered.get(`${r}:${c}`);
      if (cover === 'row') continue;
      if (typeof cover === 'number') {
        cells.push({ text: '', continued: true, ...(cover > 1 ? { colSpan: cover } : {}) });
        continue;
      }
      const span = start.get(`${r}:${c}`);
      cells.push({
        text: (rows[r - 1]?.[c - 1] ?? '').trim(),
        ...(span && span.colSpan > 1 ? { colSpan: span.colSpan } : {}),
        ...(span && span.rowSpan > 1 ? { rowSpan: span.rowSpan } : {}),
      });
    }
    if (cells.every((cell) => cell.text === '' && !cell.continued)) continue;
    tableRows.push(cells);
  }
  blocks.push({ kind: 'table', rows: tableRows, line: header });
  for (let r = end + 1; r <= rows.length; r++) {
    const p = paragraph(r);
    if (p) blocks.push(p);
  }
  return { format, blocks, removed: [], ...(skipped.length ? { skipped } : {}) };
}

/** Rows and columns that hold nothing at the end are not part of the table. */
function trimGrid(rows: readonly string[][]): string[][] {
  const out = rows.map((r) => [...r]);
  while (out.length && out[out.length - 1]!.every((t) => t.trim() === '')) out.pop();
  let width = 0;
  for (const r of out) for (let c = r.length; c > width; c--) if ((r[c - 1] ?? '').trim() !== '') width = c;
  return out.map((r) => r.slice(0, width));
}
