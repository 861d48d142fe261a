/** Page numbers `— N —` (GB/T 9704 §7.5): 4号宋体, odd pages right and even pages left, 1 character in. */
import { AlignmentType, Footer, ImportedXmlComponent, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import { fontsFor } from './fonts.js';
import { FONT, MARGIN_MM, PAGE_NUMBER, TEXT_PT, TYPE_AREA_MM, ptToHalfPt, ptToTwip } from './gbt9704.js';

export type PageNumberPlacement = 'outside' | 'center';
type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

function pageNumberParagraph(alignment: Alignment, indent: { left?: number; right?: number }) {
  const font = fontsFor(FONT.pageNumber, FONT.pageNumber);
  const size = ptToHalfPt(TEXT_PT.pageNumber);
  return new Paragraph({
    alignment,
    indent,
    spacing: { line: ptToTwip(TEXT_PT.pageNumber), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [new TextRun({ font, size, children: ['— ', PageNumber.CURRENT, ' —'] })],
  });
}

/** Footers for a section: `outside` puts odd numbers right and even numbers left, as §7.5 says. */
export function buildFooters(placement: PageNumberPlacement, orientation: 'portrait' | 'landscape' = 'portrait', section = 0): { default: Footer; even: Footer } {
  if (orientation === 'landscape') return landscapeFooters(placement, section);
  const side = ptToTwip(TEXT_PT.pageNumber * PAGE_NUMBER.sideIndentChars);
  if (placement === 'center') {
    const centered = () => new Footer({ children: [pageNumberParagraph(AlignmentType.CENTER, {})] });
    return { default: centered(), even: centered() };
  }
  return {
    default: new Footer({ children: [pageNumberParagraph(AlignmentType.RIGHT, { right: side })] }),
    even: new Footer({ children: [pageNumberParagraph(AlignmentType.LEFT, { left: side })] }),
  };
}

// ── landscape pages ────────────────────────────────────────────────────────────

const EMU_PER_MM = 36_000;
/** Width of the box that holds the number line, across the line: a 14 pt line with room to spare. */
const BOX_MM = 6;

/**
 * GB/T 9704-2012 §8 (公文中的横排表格): “A4纸型的表格横排时，页码位置与公文其他页码保持一致，单页码表头
 * 在订口一边，双页码表头在切口一边。” A landscape page is the portrait page turned a quarter clockwise
 * (the table head toward the 订口), so the number stays where the portrait pages have it: in the
 * portrait bottom margin, which is the landscape page's left margin, 7 mm from the type area, set
 * along the edge and reading as it does on the portrait pages once the sheet is turned back
 * (text rotated a quarter clockwise); the odd pages' number 1 character from the type area's
 * portrait right end (the landscape bottom), the even pages' from its left end (the top).
 * A text box in the footer holds it, placed on the page: Word, WPS and LibreOffice all draw it.
 */
function landscapeFooters(placement: PageNumberPlacement, section: number): { default: Footer; even: Footer } {
  const footer = (alignment: 'left' | 'right' | 'center', id: number) =>
    new Footer({
      children: [
        new Paragraph({
          spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [ImportedXmlComponent.fromXmlString(landscapeNumberBox(alignment, id)) as unknown as TextRun],
        }),
      ],
    });
  const id = 1000 + 2 * section;
  if (placement === 'center') return { default: footer('center', id), even: footer('center', id + 1) };
  return { default: footer('right', id), even: footer('left', id + 1) };
}

/** The number's run, as pageNumberParagraph writes it, in raw XML for the text box. */
function numberRuns(): string {
  const rPr = `<w:rPr><w:rFonts w:ascii="${FONT.pageNumber}" w:eastAsia="${FONT.pageNumber}" w:hAnsi="${FONT.pageNumber}" w:cs="${FONT.pageNumber}"/><w:sz w:val="${ptToHalfPt(TEXT_PT.pageNumber)}"/><w:szCs w:val="${ptToHalfPt(TEXT_PT.pageNumber)}"/></w:rPr>`;
  const run = (inner: string) => `<w:r>${rPr}${inner}</w:r>`;
  return [
    run('<w:t xml:space="preserve">— </w:t>'),
    run('<w:fldChar w:fldCharType="begin"/>'),
    run('<w:instrText xml:space="preserve">PAGE</w:instrText>'),
    run('<w:fldChar w:fldCharType="separate"/>'),
    run('<w:t>1</w:t>'),
    run('<w:fldChar w:fldCharType="end"/>'),
    run('<w:t xml:space="preserve"> —</w:t>'),
  ].join('');
}

/** A text box in the landscape page's left margin, text turned a quarter clockwise (`vert`). */
function landscapeNumberBox(alignment: 'left' | 'right' | 'center', id: number): string {
  const emu = (mm: number) => Math.round(mm * EMU_PER_MM);
  // Landscape margins: the portrait bottom margin is on the left, the 订口 at the top.
  const left = MARGIN_MM.bottom;
  const top = MARGIN_MM.left;
  const x = emu(left - PAGE_NUMBER.gapBelowTypeAreaMm - BOX_MM);
  const y = emu(top);
  const cx = emu(BOX_MM);
  const cy = emu(TYPE_AREA_MM.width);
  const side = ptToTwip(TEXT_PT.pageNumber * PAGE_NUMBER.sideIndentChars);
  const indent = alignment === 'center' ? '' : `<w:ind w:${alignment}="${side}"/>`;
  const paragraph = `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="${ptToTwip(TEXT_PT.pageNumber)}" w:lineRule="exact"/>${indent}<w:jc w:val="${alignment}"/></w:pPr>${numberRuns()}</w:p>`;
  const shape =
    `<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
    `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>` +
    `<wps:txbx><w:txbxContent>${paragraph}</w:txbxContent></wps:txbx>` +
    `<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>`;
  const drawing =
    `<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${id}" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">` +
    `<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>${x}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="page"><wp:posOffset>${y}</wp:posOffset></wp:positionV><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="${id}" name="页码 ${id}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">${shape}</a:graphicData></a:graphic>` +
    `</wp:anchor></w:drawing>`;
  return `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawing}</mc:Choice></mc:AlternateContent></w:r>`;
}

