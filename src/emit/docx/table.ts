/** Tables with absolute (DXA) widths: LibreOffice and WPS ignore percentage widths. */
import { AlignmentType, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { type DeferredXml, DeferredRows, TableWithDeferredRows } from './deferred-xml.js';
import { type RowChange, type Run, isSectionRow } from '../../markdown/blocks.js';
import { visualWidth } from '../../text/width.js';
import { fitColumnWidths } from '../column-widths.js';
import { fontsFor } from './fonts.js';
import { type RevisionMarks, changeAttributes, changedRuns, textRuns } from './runs.js';
import { FONT, TEXT_PT, TYPE_AREA_MM, mmToTwip, ptToHalfPt, ptToTwip } from './gbt9704.js';

const TABLE_LINE_PT = TEXT_PT.table * 1.5;

/** Cell padding left and right, twips. */
const CELL_MARGIN = 80;

type Kind = 'header' | 'section' | 'body';

/** `changed`: a redline's runs of the cell, with who made the changes. */
function cellParagraph(text: string, kind: Kind, center: boolean, keepNext: boolean, changed?: { runs: Run[]; marks: RevisionMarks }): Paragraph {
  const bold = kind !== 'body';
  const props = { bold, font: fontsFor(bold ? FONT.heading1 : FONT.body), size: ptToHalfPt(TEXT_PT.table) };
  return new Paragraph({
    alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { line: ptToTwip(TABLE_LINE_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { firstLine: 0 },
    // Every paragraph of a row keeping with the next keeps the row with the next row (Word, WPS and
    // LibreOffice alike): how the last row is kept from standing alone on a page.
    ...(keepNext ? { keepNext: true } : {}),
    children: changed ? changedRuns(changed.runs, () => props, changed.marks) : textRuns(text, props),
  });
}

/**
 * Column widths in twips within the table width: fitColumnWidths shares the text width (the table
 * less every cell's padding) in characters of the table font, so short columns never wrap and the
 * long-text ones share the rest by their text.
 */
export function columnWidths(header: string[], rows: string[][], totalTwip: number): number[] {
  const charTwip = ptToTwip(TEXT_PT.table);
  const padding = 2 * CELL_MARGIN;
  const chars = fitColumnWidths(header, rows, (totalTwip - header.length * padding) / charTwip);
  const widths = chars.map((w) => Math.floor(w * charTwip) + padding);
  widths[widths.length - 1]! += totalTwip - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Rows of a long table made and written at a time (deferred-xml.ts). */
const DEFERRED_ROWS = 200;

/**
 * The table. With `deferred`, the rows of a long table after the first run are made only while
 * the table is written, a run at a time; the XML is the same.
 */
export function buildTable(
  header: string[],
  rows: string[][],
  widthMm: number = TYPE_AREA_MM.width,
  deferred?: DeferredXml,
  /** A redline's changes, one per row, with who made them. */
  revision?: { changes: readonly RowChange[]; header?: RowChange; marks: RevisionMarks },
): Table {
  const total = mmToTwip(widthMm);
  const widths = columnWidths(header, rows, total);
  const margins = { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 };
  const row = (cells: string[], kind: Kind, keepNext: boolean, change?: RowChange) => {
    const marks = revision?.marks;
    const changed = (c: number) => (change && marks ? { runs: change.cells[c] ?? [], marks } : undefined);
    const rowMark = change?.mark && marks ? { [change.mark === 'ins' ? 'insertion' : 'deletion']: changeAttributes(marks) } : {};
    return new TableRow({
      tableHeader: kind === 'header',
      cantSplit: true,
      ...rowMark,
      children:
        kind === 'section'
          ? [
              new TableCell({
                width: { size: total, type: WidthType.DXA },
                columnSpan: header.length,
                verticalAlign: VerticalAlign.CENTER,
                margins,
                children: [cellParagraph(cells[0]!, kind, false, true, changed(0))],
              }),
            ]
          : cells.map(
              (text, c) =>
                new TableCell({
                  width: { size: widths[c]!, type: WidthType.DXA },
                  verticalAlign: VerticalAlign.CENTER,
                  margins,
                  children: [cellParagraph(text, kind, kind === 'header' || visualWidth(text) <= 4, keepNext, changed(c))],
                }),
            ),
    });
  };
  const last = rows.length - 1;
  // A section row keeps with the row under it; the last row but one keeps with the last, so a
  // page never ends the table with one row alone when the row above it could go along.
  const bodyRows = (start: number, end: number) =>
    rows.slice(start, end).map((r, i) => {
      const change = revision?.changes[start + i];
      return isSectionRow(r) ? row(r, 'section', true, change) : row(r, 'body', start + i === last - 1, change);
    });
  const options = (tableRows: TableRow[]) => ({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: tableRows,
  });
  const headerRow = () => row(header, 'header', false, revision?.header);
  if (!deferred || rows.length <= DEFERRED_ROWS) return new Table(options([headerRow(), ...bodyRows(0, rows.length)]));
  const more: DeferredRows[] = [];
  for (let start = DEFERRED_ROWS; start < rows.length; start += DEFERRED_ROWS) {
    more.push(new DeferredRows(() => new Table(options(bodyRows(start, start + DEFERRED_ROWS))), deferred));
  }
  return new TableWithDeferredRows(options([headerRow(), ...bodyRows(0, DEFERRED_ROWS)]), more);
}
