/** Tables with absolute (DXA) widths: LibreOffice and WPS ignore percentage widths. */
import { AlignmentType, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { typicalColumnWidths, visualWidth } from '../../text/width.js';
import { fontsFor } from './fonts.js';
import { textRuns } from './runs.js';
import { FONT, TEXT_PT, TYPE_AREA_MM, mmToTwip, ptToHalfPt, ptToTwip } from './gbt9704.js';

const TABLE_LINE_PT = TEXT_PT.table * 1.5;

function cellParagraph(text: string, bold: boolean, center: boolean): Paragraph {
  return new Paragraph({
    alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { line: ptToTwip(TABLE_LINE_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { firstLine: 0 },
    children: textRuns(text, { bold, font: fontsFor(bold ? FONT.heading1 : FONT.body), size: ptToHalfPt(TEXT_PT.table) }),
  });
}

/** Cell padding left and right, twips. */
const CELL_MARGIN = 80;

/**
 * Column widths within the table width. Short columns (序号, 牵头单位, 完成时限…) get what a typical
 * cell needs in the table font, so they do not wrap a character a line; long-text columns share
 * the rest in proportion to their typical cell.
 */
export function columnWidths(header: string[], rows: string[][], totalTwip: number): number[] {
  const SHORT = 9;
  const charTwip = ptToTwip(TEXT_PT.table);
  const need = typicalColumnWidths(header, rows);
  const short = need.map((n, c) => n <= SHORT || !rows.length || c === 0);
  const shortWidth = (n: number) => Math.ceil(Math.min(n, SHORT) * charTwip + 2 * CELL_MARGIN + charTwip / 2);
  let widths = need.map((n, c) => (short[c] ? shortWidth(n) : 0));
  const fixed = widths.reduce((a, b) => a + b, 0);
  const longWeights = need.map((n, c) => (short[c] ? 0 : Math.min(n, 30)));
  const longTotal = longWeights.reduce((a, b) => a + b, 0);
  if (longTotal === 0 || fixed > totalTwip * 0.7) {
    // Nothing long, or short columns alone too wide: scale everything to fit.
    const weights = need.map((n) => Math.max(n, 2));
    const sum = weights.reduce((a, b) => a + b, 0);
    widths = weights.map((w) => Math.floor((w / sum) * totalTwip));
  } else {
    widths = widths.map((w, c) => (short[c] ? w : Math.floor((longWeights[c]! / longTotal) * (totalTwip - fixed))));
  }
  widths[widths.length - 1]! += totalTwip - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export function buildTable(header: string[], rows: string[][], widthMm: number = TYPE_AREA_MM.width): Table {
  const total = mmToTwip(widthMm);
  const widths = columnWidths(header, rows, total);
  const row = (cells: string[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: cells.map(
        (text, c) =>
          new TableCell({
            width: { size: widths[c]!, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
            children: [cellParagraph(text, isHeader, isHeader || visualWidth(text) <= 4)],
          }),
      ),
    });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [row(header, true), ...rows.map((r) => row(r, false))],
  });
}
