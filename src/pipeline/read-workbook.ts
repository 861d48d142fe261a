/**
 * import's spreadsheet side: a 分工表 saved as .xlsx (exceljs) or .csv (csv-parse, after the
 * encoding is detected as for .txt: Excel on a Chinese Windows saves CSV in GBK) → the grid of
 * its first visible sheet, then the SourceDocument the recognizer reads. Bounded like the .docx
 * import: the zip's directory is read before anything is inflated (entries, sizes), and a sheet
 * larger than any office's table is refused. Every problem is a UsageError in Chinese (exit 2).
 */
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { decodeText } from '../import/read-text.js';
import { type SheetGrid, sheetToSource } from '../import/read-sheet.js';
import type { SourceDocument } from '../import/source-document.js';
import { SourceFormatError } from '../import/source-format-error.js';
import { columnLetter } from '../text/cell-names.js';
import { UsageError } from '../usage-error.js';

/** Inflated, one part and all of them: far above a table of thousands of rows. */
const TABLE_LIMITS: ZipLimits = { part: 64 * 1024 * 1024, total: 128 * 1024 * 1024, entries: 2000 };
export const MAX_SHEET_ROWS = 20_000;
export const MAX_SHEET_COLUMNS = 200;

/** Does this zip hold a workbook (xl/workbook.xml) rather than a Word document? Reads the directory only. */
export function isWorkbookZip(bytes: Uint8Array): boolean {
  let workbook = false;
  try {
    unzipSync(bytes, {
      filter(file) {
        if (file.name === 'xl/workbook.xml') workbook = true;
        return false;
      },
    });
  } catch {
    return false;
  }
  return workbook;
}

export async function readWorkbookSource(bytes: Uint8Array, shown: string): Promise<SourceDocument> {
  const size = zipDirectoryProblem(bytes, TABLE_LIMITS, '一份分工表');
  if (size) throw new UsageError(`无法导入“${shown}”：${size}`);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UsageError(`无法导入“${shown}”：工作簿已损坏，无法读取；请重新从 Excel/WPS 另存为 .xlsx`);
  }
  const visible = book.worksheets.filter((ws) => ws.state === 'visible');
  const sheet = visible.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new UsageError(`“${shown}”的工作表都是空的，没有可导入的内容`);
  if (sheet.rowCount > MAX_SHEET_ROWS || sheet.columnCount > MAX_SHEET_COLUMNS) {
    throw new UsageError(`无法导入“${shown}”：工作表“${sheet.name}”有 ${sheet.rowCount} 行、${sheet.columnCount} 列，超过分工表的上限（${MAX_SHEET_ROWS} 行、${MAX_SHEET_COLUMNS} 列）`);
  }
  const rows: string[][] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns = new Set<number>();
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const text = cellText(row.getCell(c).value);
      // A hidden row or column is not part of the table the office prints; it is said, not read.
      const hidden = row.hidden || sheet.getColumn(c).hidden;
      if (hidden && text.trim()) {
        if (row.hidden) hiddenRows.push(r);
        else hiddenColumns.add(c);
      }
      cells.push(hidden ? '' : text);
    }
    rows.push(cells);
  }
  const merges = ((sheet.model as { merges?: string[] }).merges ?? []).flatMap((range) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    return m ? [{ top: Number(m[2]), left: columnNumber(m[1]!), bottom: Number(m[4]), right: columnNumber(m[3]!) }] : [];
  });
  // Other sheets are said, not silently left out.
  const others = visible.filter((ws) => ws !== sheet && ws.actualRowCount > 0).map((ws) => `工作表“${ws.name}”（${ws.actualRowCount} 行）：只导入了第一张有内容的工作表“${sheet.name}”`);
  const hidden = [
    ...(hiddenRows.length ? [`工作表“${sheet.name}”第 ${[...new Set(hiddenRows)].join('、')} 行是隐藏的，没有读`] : []),
    ...(hiddenColumns.size ? [`工作表“${sheet.name}”第 ${[...hiddenColumns].map((c) => columnLetter(c)).join('、')} 列是隐藏的，没有读`] : []),
  ];
  const grid: SheetGrid = { name: sheet.name, rows, merges };
  return sheetToSource(grid, 'xlsx', [...others, ...hidden]);
}

export function readCsvSource(bytes: Uint8Array, shown: string): SourceDocument {
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch (error) {
    if (error instanceof SourceFormatError) throw new UsageError(`无法导入“${shown}”：${error.message}`);
    throw error;
  }
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    throw new UsageError(`无法导入“${shown}”：CSV 格式有误${where ? `（第 ${where} 行附近）` : ''}，请在 Excel/WPS 中重新另存为 CSV`);
  }
  if (rows.length > MAX_SHEET_ROWS || rows.some((r) => r.length > MAX_SHEET_COLUMNS)) {
    throw new UsageError(`无法导入“${shown}”：超过分工表的上限（${MAX_SHEET_ROWS} 行、${MAX_SHEET_COLUMNS} 列）`);
  }
  return sheetToSource({ name: shown, rows, merges: [] }, 'csv');
}

/** How much a workbook may hold once inflated: its parts, one and all, and how many. */
export interface ZipLimits {
  part: number;
  total: number;
  entries: number;
}

/**
 * The zip's directory, read without inflating anything: too many entries or too much inside is
 * refused, named as `what` (一份分工表, 一份填报表). Shared by the 分工表 import and the form reader.
 */
export function zipDirectoryProblem(bytes: Uint8Array, limits: ZipLimits, what: string): string | undefined {
  let entries = 0;
  let total = 0;
  let tooBig: string | undefined;
  try {
    unzipSync(bytes, {
      filter(file) {
        entries++;
        total += file.originalSize;
        if (file.originalSize > limits.part) tooBig ??= file.name;
        return false;
      },
    });
  } catch {
    return '工作簿已损坏（zip 包无法读取）；请重新从 Excel/WPS 另存为 .xlsx';
  }
  if (entries > limits.entries) return `工作簿里有 ${entries} 个部件，不像${what}`;
  if (tooBig !== undefined || total > limits.total) return `工作簿解压后过大${tooBig ? `（“${tooBig}”）` : ''}，不像${what}`;
  return undefined;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

type CellValue = import('exceljs').CellValue;

/** A cell as the office reads it: numbers as written, a date as 2026年6月30日 (what the 完成时限 reader takes). */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) {
    // exceljs reads a day as midnight UTC.
    return Number.isNaN(value.getTime()) ? '' : `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return '';
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null);
  if ('text' in value) return String((value as { text: unknown }).text);
  return '';
}
