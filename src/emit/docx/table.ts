/** Tables with absolute (DXA) widths: LibreOffice and WPS ignore percentage widths. */
import { AlignmentType, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { visualWidth } from '../../text/width.js';
import { fontsFor } from './fonts.js';
import { FONT, TEXT_PT, TYPE_AREA_MM, mmToTwip, ptToHalfPt, ptToTwip } from './gbt9704.js';

const TABLE_LINE_PT = TEXT_PT.table * 1.5;

function cellParagraph(text: string, bold: boolean, center: boolean): Paragraph {
  return new Paragraph({
    alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { line: ptToTwip(TABLE_LINE_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { firstLine: 0 },
    children: [new TextRun({ text, bold, font: fontsFor(bold ? FONT.heading1 : FONT.body), size: ptToHalfPt(TEXT_PT.table) })],
  });
}

/** Column widths in proportion to content, within the type-area width. */
export function columnWidths(header: string[], rows: string[][], totalTwip: number): number[] {
  const weights = header.map((h, c) => {
    const longest = Math.max(visualWidth(h), ...rows.map((r) => visualWidth(r[c] ?? '')));
    return Math.min(Math.max(longest, 2.5), 24);
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * totalTwip));
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
            margins: { left: 80, right: 80, top: 40, bottom: 40 },
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
