/**
 * emit: the table of a document as an Excel workbook, for the task ledgers (台账) offices keep in
 * Excel. One sheet named after the document, the header row bold and frozen, every cell wrapped
 * and bordered, landscape A4 when printed. Byte-reproducible like the .docx.
 */
import { type DocumentLabels, HANS_LABELS } from './labels.js';
import writeExcelFile, { type CellObject, type SheetData } from 'write-excel-file/node';
import { type Block, findTable, isSectionRow } from '../markdown/blocks.js';
import { typicalColumnWidths, visualWidth } from '../text/width.js';
import { FONT } from './docx/gbt9704.js';
import { normalizePackage } from './normalize-package.js';

/** Cell text size: 小四, the size ledgers are printed in. */
const FONT_PT = 12;
/** Widest column, in Chinese characters: longer cells wrap. */
const MAX_COLUMN_CHARS = 24;
/** Height of one wrapped line of 小四, and the cell's padding, in points. */
const LINE_PT = 16;
const PADDING_PT = 4;

/**
 * Column widths in Excel's unit, the width of the digit 0 (half a Chinese character): what the
 * column typically needs, up to MAX_COLUMN_CHARS, plus a character of padding.
 */
function columnWidths(header: readonly string[], rows: readonly string[][]): number[] {
  return typicalColumnWidths(header, rows).map((chars) => Math.ceil(Math.min(chars, MAX_COLUMN_CHARS) * 2) + 2);
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string, fallback = HANS_LABELS.sheet): string {
  const clean = title.replace(/[:\\/?*[\]：]/g, '').trim().slice(0, 31);
  return clean || fallback;
}

/**
 * Row height in points. Clients do not size rows to wrapped text when opening a written file
 * (LibreOffice overprints the next row), so each row gets the lines its fullest cell needs.
 */
export function rowHeight(cells: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...cells.map((text, c) => Math.ceil((visualWidth(text) * 2) / Math.max(1, widths[c]! - 2))));
  return lines * LINE_PT + PADDING_PT;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Printing, which the writer does not cover: scale the columns to the page width, and repeat the
 * header row at the top of every printed page (Excel's 打印标题).
 */
function printPatches(sheet: string) {
  const titles = `'${sheet.replace(/'/g, "''")}'!$1:$1`;
  return {
    'xl/worksheets/sheet1.xml': (xml: string) =>
      xml
        .replace(/(<worksheet\b[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
        .replace(/<pageSetup\b/, '<pageSetup fitToWidth="1" fitToHeight="0"'),
    'xl/workbook.xml': (xml: string) =>
      xml.replace(
        /<definedNames\/>|<definedNames>/,
        (m) => `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">${escapeXml(titles)}</definedName>${m.endsWith('/>') ? '</definedNames>' : ''}`,
      ),
  };
}

export interface XlsxMeta {
  /** The document's title, used as the sheet name. */
  title: string;
  /** Stamped into the package instead of the current time. */
  date: Date;
  /** The sheet name of an untitled table, in the document's script. */
  labels?: DocumentLabels;
}

export async function emitXlsx(blocks: readonly Block[], meta: XlsxMeta): Promise<Uint8Array> {
  const table = findTable(blocks, 'Excel');
  const border = { borderStyle: 'thin', borderColor: '#000000' } as const;
  const widths = columnWidths(table.header, table.rows);
  const header: CellObject[] = table.header.map((value) => ({
    value,
    ...border,
    fontWeight: 'bold',
    fontFamily: FONT.heading1,
    align: 'center',
    alignVertical: 'center',
    wrap: true,
  }));
  const body: (CellObject | null)[][] = table.rows.map((row) => {
    if (isSectionRow(row)) {
      // A section row (一、…) across the sheet; the cells it covers stay empty, as the CSV has them.
      const span = widths.reduce((a, b) => a + b, 0);
      const cell: CellObject = {
        value: row[0]!,
        type: String,
        ...border,
        fontWeight: 'bold',
        fontFamily: FONT.heading1,
        alignVertical: 'center',
        wrap: true,
        columnSpan: table.header.length,
        height: rowHeight([row[0]!], [span]),
      };
      return [cell, ...table.header.slice(1).map(() => null)];
    }
    const height = rowHeight(row, widths);
    return table.header.map((_, c) => ({ value: row[c] ?? '', type: String, ...border, alignVertical: 'center', wrap: true, height }));
  });
  const data: SheetData = [header, ...body];
  const sheet = sheetName(meta.title, meta.labels?.sheet);
  const bytes = await writeExcelFile(
    data,
    {
      sheet,
      columns: widths.map((width) => ({ width })),
      orientation: 'landscape',
      stickyRowsCount: 1,
    },
    { fontFamily: FONT.body, fontSize: FONT_PT },
  ).toBuffer();
  return normalizePackage(new Uint8Array(bytes), meta.date, printPatches(sheet));
}
