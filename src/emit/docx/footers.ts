/** Page numbers `— N —` (GB/T 9704 §7.5): 4号宋体, odd pages right and even pages left, 1 character in. */
import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import { fontsFor } from './fonts.js';
import { FONT, PAGE_NUMBER, TEXT_PT, ptToHalfPt, ptToTwip } from './gbt9704.js';

export type PageNumberPlacement = 'outside' | 'center';

function pageNumberParagraph(alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: { left?: number; right?: number }) {
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
export function buildFooters(placement: PageNumberPlacement): { default: Footer; even: Footer } {
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
