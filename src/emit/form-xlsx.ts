/**
 * emit: a form to fill as an Excel workbook (the 进展填报表 a unit returns). The writer is exceljs,
 * because a form needs what write-excel-file cannot write: data validation (the drop-down of
 * states, numbers only, dates in a range), sheet protection that leaves the cells to fill open,
 * a hidden column, a hidden sheet, and print setup (A4 landscape, the header row on every page).
 * Byte-reproducible like the other packages (normalize-package.ts).
 */
import ExcelJS from 'exceljs';
import { FONT } from './docx/gbt9704.js';
import { normalizePackage } from './normalize-package.js';
import { rowHeight } from './xlsx.js';
import { columnLetter } from '../text/cell-names.js';

export type FormValidation =
  | { type: 'list'; values: readonly string[]; message: string }
  | { type: 'decimal'; message: string }
  | { type: 'date'; from: string; to: string; message: string };

export interface FormColumn {
  header: string;
  /** Width in Excel's unit (the digit 0, half a Chinese character). */
  width: number;
  /** A column the unit fills (unlocked), or one of the plan's own (locked). */
  fill: boolean;
  hidden?: boolean;
  validation?: FormValidation;
}

export interface FormSheet {
  /** The sheet's name. */
  sheet: string;
  /** The title line above the table, and the line that names the unit and period. */
  title: string;
  subtitle: string;
  columns: readonly FormColumn[];
  /** Cells of each row, by column; `null` in a fill column that does not apply to the row (locked, greyed). */
  rows: readonly (readonly (string | null)[])[];
  /** A note under the table (how to fill). */
  note: string;
  /** The hidden sheet that says which plan, unit and columns the form is for: its name and its one cell (ASCII). */
  infoSheet: string;
  info: string;
}

/** Where the table starts: the title, the subtitle, then the header row. */
export const FORM_HEADER_ROW = 3;
export const FORM_FIRST_ROW = 4;

const FONT_PT = 11;
const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } } as const;
const FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9E5' } } as const;
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function emitForm(form: FormSheet, date: Date): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'workplan';
  book.created = date;
  book.modified = date;
  const ws = book.addWorksheet(form.sheet, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${FORM_HEADER_ROW}:${FORM_HEADER_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: FORM_HEADER_ROW, xSplit: 0 }],
  });
  const font = { name: FONT.body, size: FONT_PT };
  const last = columnLetter(form.columns.length);
  form.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.hidden) column.hidden = true;
  });
  // The title and subtitle span the visible columns.
  const firstVisible = columnLetter(form.columns.findIndex((c) => !c.hidden) + 1);
  ws.mergeCells(`${firstVisible}1:${last}1`);
  ws.mergeCells(`${firstVisible}2:${last}2`);
  Object.assign(ws.getCell(`${firstVisible}1`), { value: form.title, font: { name: FONT.heading1, size: 16 }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
  Object.assign(ws.getCell(`${firstVisible}2`), { value: form.subtitle, font, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } });
  ws.getRow(1).height = 30;
  ws.getRow(2).height = 20;
  const header = ws.getRow(FORM_HEADER_ROW);
  form.columns.forEach((c, i) => {
    Object.assign(header.getCell(i + 1), {
      value: c.header,
      font: { ...font, name: FONT.heading1, bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      border: BORDER,
      ...(c.fill ? { fill: FILL } : {}),
    });
  });
  header.height = rowHeight(form.columns.map((c) => c.header), form.columns.map((c) => c.width));
  const widths = form.columns.map((c) => c.width);
  form.rows.forEach((cells, r) => {
    const row = ws.getRow(FORM_FIRST_ROW + r);
    form.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const text = cells[i];
      cell.border = BORDER;
      cell.font = font;
      cell.alignment = { vertical: 'middle', wrapText: true };
      if (!c.fill) {
        cell.value = text ?? '';
        return;
      }
      if (text === null) {
        // This measure has no such target: grey and locked.
        cell.fill = GREY;
        return;
      }
      if (text) cell.value = text;
      cell.fill = FILL;
      cell.protection = { locked: false };
      if (c.validation) cell.dataValidation = validationOf(c.validation);
      if (c.validation?.type === 'date') cell.numFmt = 'yyyy-mm-dd';
    });
    // The hidden key is long (percent-encoded) but never shown: it must not make the row tall.
    row.height = rowHeight(cells.map((t, i) => (form.columns[i]!.fill || form.columns[i]!.hidden ? '' : (t ?? ''))), widths);
  });
  const noteRow = FORM_FIRST_ROW + form.rows.length + 1;
  ws.mergeCells(`${firstVisible}${noteRow}:${last}${noteRow}`);
  Object.assign(ws.getCell(`${firstVisible}${noteRow}`), { value: form.note, font: { ...font, size: 10 }, alignment: { vertical: 'top', wrapText: true } });
  ws.getRow(noteRow).height = 48;
  // No password: a unit fills the open cells without asking anyone; the rest stays as the plan has it.
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const info = book.addWorksheet(form.infoSheet, { state: 'hidden' });
  info.getCell('A1').value = form.info;
  await info.protect('', {});
  const bytes = await book.xlsx.writeBuffer();
  return normalizePackage(new Uint8Array(bytes as ArrayBuffer), date);
}

function validationOf(v: FormValidation): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: '填写有误', error: v.message };
  if (v.type === 'list') return { ...common, type: 'list', formulae: [`"${v.values.join(',')}"`] };
  if (v.type === 'decimal') return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [-1e15] };
  return { ...common, type: 'date', operator: 'between', formulae: [new Date(`${v.from}T00:00:00Z`), new Date(`${v.to}T00:00:00Z`)] };
}
