/**
 * import-progress's file side: a filled 进展填报表 (.xlsx) → its cells, as plain values. The bytes
 * are sniffed first (an old .xls or an encrypted file is an OLE2 compound file, anything not a zip
 * is no workbook), the zip's directory is read before anything is inflated (entries, sizes: a zip
 * bomb is refused unopened), and only then does exceljs read the workbook. Every problem of the
 * file is a Diagnostic of rule form-file at the file, so one bad form among many is reported with
 * the rest, and nothing is written.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, makeDiagnostic } from '../diagnostic.js';
import { describeFsError } from '../system/fs-errors.js';
import { UsageError } from '../usage-error.js';
import { INFO_SHEET } from './progress-form-layout.js';
import { type ZipLimits, zipDirectoryProblem } from './read-workbook.js';

/** A form is tens of kilobytes; a few megabytes is already a year of reports. */
export const MAX_FORM_BYTES = 10 * 1024 * 1024;
/** Inflated, one part and all of them: far above any form, far below what would hurt. */
const FORM_LIMITS: ZipLimits = { part: 32 * 1024 * 1024, total: 64 * 1024 * 1024, entries: 1000 };
/** A unit's form has a row per measure; a plan of 10,000 measures still fits. */
export const MAX_FORM_ROWS = 10_000;
export const MAX_FORM_COLUMNS = 200;

export type FormCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  /** `percent`: the cell is formatted as a percentage (typing 90% in Excel or WPS stores 0.9). */
  | { kind: 'number'; value: number; percent?: boolean }
  /** A formula the workbook holds no result for (saved by a program that does not calculate). */
  | { kind: 'formula'; formula: string }
  | { kind: 'date'; iso: string }
  | { kind: 'error'; text: string };

export interface FormWorkbook {
  /** The file as messages name it. */
  file: string;
  /** The sheet the table is on: the first visible one that is not the record. */
  sheet: string;
  /** The record on the hidden sheet, if the workbook has it. */
  info?: string;
  rowCount: number;
  columnCount: number;
  cell(row: number, column: number): FormCell;
  /** Merged ranges on the table's sheet (B1:N1). */
  merges: string[];
  /** The workbook's own modified date (YYYY-MM-DD), when it records one. */
  modified?: string;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Reads one form from disk; a file that cannot be read at all (missing, a folder) is a UsageError (exit 2). */
export async function readProgressForm(file: string): Promise<FormWorkbook | Diagnostic> {
  const shown = path.relative(process.cwd(), file) || file;
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UsageError(`无法读取“${shown}”：这是一个目录，不是填报表`);
    if (info.size > MAX_FORM_BYTES) return problem(shown, `文件过大（${(info.size / 1024 / 1024).toFixed(1)} MB），填报表不应超过 ${MAX_FORM_BYTES / 1024 / 1024} MB，未读取`);
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(describeFsError(error, 'read', shown));
  }
  return parseProgressForm(shown, bytes);
}

/** Pure half of the reader: the bytes of a workbook → its cells, or the problem of the file. */
export async function parseProgressForm(shown: string, bytes: Uint8Array): Promise<FormWorkbook | Diagnostic> {
  if (bytes.length === 0) return problem(shown, '文件是空的，不是填报表');
  if (bytes.length > MAX_FORM_BYTES) return problem(shown, `文件过大，填报表不应超过 ${MAX_FORM_BYTES / 1024 / 1024} MB，未读取`);
  if (startsWith(bytes, OLE2)) {
    return problem(shown, '这是旧版 Excel 文件（.xls）或设有打开密码的文件，无法读取：请在 Excel/WPS 中取消密码，另存为 .xlsx（Excel 工作簿）后再导入');
  }
  if (!startsWith(bytes, ZIP)) return problem(shown, '不是 .xlsx 工作簿（文件开头不是 zip 包），请用工具生成的填报表填写后报回');
  const size = zipDirectoryProblem(bytes, FORM_LIMITS, '一份填报表');
  if (size) return problem(shown, size);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return problem(shown, '工作簿已损坏，无法读取：请重新从 Excel/WPS 另存为 .xlsx');
  }
  const info = book.getWorksheet(INFO_SHEET)?.getCell('A1').value;
  const sheet = book.worksheets.find((ws) => ws.state === 'visible' && ws.name !== INFO_SHEET);
  if (!sheet) return problem(shown, '工作簿里没有可见的工作表');
  if (sheet.rowCount > MAX_FORM_ROWS || sheet.columnCount > MAX_FORM_COLUMNS) {
    return problem(shown, `工作表“${sheet.name}”有 ${sheet.rowCount} 行、${sheet.columnCount} 列，超过填报表的上限（${MAX_FORM_ROWS} 行、${MAX_FORM_COLUMNS} 列），未读取`);
  }
  const modified = book.modified instanceof Date && !Number.isNaN(book.modified.getTime()) ? book.modified.toISOString().slice(0, 10) : undefined;
  return {
    file: shown,
    sheet: sheet.name,
    ...(typeof info === 'string' ? { info } : {}),
    rowCount: sheet.rowCount,
    columnCount: sheet.columnCount,
    cell: (row, column) => {
      const cell = sheet.getCell(row, column);
      const read = cellOf(cell.value);
      return read.kind === 'number' && isPercentFormat(cell.numFmt) ? { ...read, percent: true } : read;
    },
    merges: [...((sheet.model as { merges?: string[] }).merges ?? [])],
    ...(modified ? { modified } : {}),
  };
}


type CellValue = import('exceljs').CellValue;

/** A cell's value as the reader needs it: text, a number, a day, or an error (a formula's result counts). */
function cellOf(value: CellValue): FormCell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error', text: String(value) };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { kind: 'error', text: '无效日期' } : { kind: 'date', iso: value.toISOString().slice(0, 10) };
  if ('richText' in value) return cellOf(value.richText.map((r) => r.text).join(''));
  if ('error' in value) return { kind: 'error', text: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const { result, formula, sharedFormula } = value as { result?: CellValue; formula?: string; sharedFormula?: string };
    // No cached result is not an empty cell: the unit wrote something the reader cannot see.
    if (result === undefined || result === null) return { kind: 'formula', formula: formula ?? sharedFormula ?? '' };
    return cellOf(result);
  }
  if ('text' in value) return cellOf(String((value as { text: unknown }).text));
  return { kind: 'error', text: '无法识别的单元格' };
}

/** A number format that shows a percentage (0%, 0.0%, but not a literal "%" in quotes or escaped). */
function isPercentFormat(format: string | undefined): boolean {
  return format !== undefined && /%/.test(format.replace(/"[^"]*"|\\./g, ''));
}

function problem(file: string, message: string): Diagnostic {
  return makeDiagnostic('form-file', message, { file });
}
