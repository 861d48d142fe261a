/** Blocks → docx paragraphs. Layout decisions that depend on GB/T figures live here and in styles.ts. */
import { AlignmentType, HeadingLevel, PageBreak, Paragraph, type Table, TextRun } from 'docx';
import type { Block, Run } from '../../markdown/blocks.js';
import { breakTitle } from '../../text/title-lines.js';
import { visualWidth } from '../../text/width.js';
import { blankLine, keep } from './blank-line.js';
import { fontsFor } from './fonts.js';
import { docNumberParagraphs, imprintParagraphs, letterheadParagraphs, noteParagraph } from './frame.js';
import { FONT, GRID, SEAL, SIGNATURE, TEXT_PT, TYPE_AREA_MM, charsToTwip, mmToPt } from './gbt9704.js';
import { STYLE } from './styles.js';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

/** Characters of 2号 title that fit on one line of the type area. */
const TITLE_LINE_CHARS = Math.floor(mmToPt(TYPE_AREA_MM.width) / TEXT_PT.title);

function bodyRun(run: Run): TextRun {
  return new TextRun({ text: run.text, bold: run.bold ?? false, font: fontsFor(FONT.body) });
}


/**
 * `keepNext` ties the block to the next page's first line: used for the text just above the 署名,
 * which must never stand alone on a page (the 署名 page carries text, no “此页无正文”).
 */
export function blockToParagraphs(block: Block, keepNext = false): (Paragraph | Table)[] {
  switch (block.type) {
    case 'title': {
      const lines = breakTitle(block.text, TITLE_LINE_CHARS);
      return [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
        }),
        blankLine(),
      ];
    }
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level - 1], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ style: STYLE.body, ...keep(keepNext), children: block.runs.map(bodyRun) })];
    case 'flush':
      return [new Paragraph({ style: STYLE.flush, ...keep(keepNext), children: [bodyRun({ text: block.text })] })];
    case 'signature':
      return signatureParagraphs(block.signature, block.date, block.seal);
    case 'attachments':
      return attachmentNote(block.items, keepNext);
    case 'byline':
      return block.lines.map((line) => new Paragraph({ style: STYLE.byline, children: [new TextRun({ text: line, font: fontsFor(FONT.heading2) })] }));
    case 'pagebreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'attachment':
      return [
        new Paragraph({ style: STYLE.attachmentLabel, children: [new TextRun({ text: block.label, font: fontsFor(FONT.heading1) })] }),
        blankLine(),
        new Paragraph({
          style: STYLE.attachmentTitle,
          children: breakTitle(block.title, TITLE_LINE_CHARS).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
        }),
        blankLine(),
      ];
    case 'letterhead':
      return letterheadParagraphs(block);
    case 'docnumber':
      return docNumberParagraphs(block.number, block.signers, block.mode, block.signerLabel);
    case 'note':
      return [noteParagraph(block.text)];
    case 'imprint':
      return imprintParagraphs(block.cc, block.printedBy, block.printedOn);
    case 'section':
    case 'table':
      // Sections and tables are laid out by emitDocx, which knows the page they sit on.
      return [];
  }
}

/** Where the 署名 and the 成文日期 go, in characters from the margins. */
export type SignatureLayout =
  | { signatureRight: number; dateLeft: number }
  | { signatureRight: number; dateRight: number };

/**
 * §7.3.5.2, without a seal: one blank line below the text, 署名 right-aligned 2 characters in,
 * the date on the next line with its first character 2 characters right of the 署名's first.
 * The date is placed by that first character (a left indent), so digit widths and a client's
 * Chinese–Western spacing cannot move it. When the date would then reach past 2 characters from
 * the right, the date keeps those 2 characters and the 署名 moves left instead.
 */
export function layoutSignature(signature: string, date: string, lineChars: number = GRID.charsPerLine, seal = false): SignatureLayout {
  const s = visualWidth(signature);
  const d = visualWidth(date);
  if (seal) {
    // §7.3.5.1: the date 4 characters from the right, the 署名 centred over the date.
    return { signatureRight: Math.max(0, SEAL.dateRightIndentChars + (d - s) / 2), dateRight: SEAL.dateRightIndentChars };
  }
  const { rightIndentChars: r, dateShiftChars: shift } = SIGNATURE;
  const signatureStart = lineChars - r - s;
  if (signatureStart + shift + d <= lineChars - r) return { signatureRight: r, dateLeft: signatureStart + shift };
  return { signatureRight: r + d + shift - s, dateRight: r };
}

function signatureParagraphs(signature: string, date: string, seal: boolean): Paragraph[] {
  const layout = layoutSignature(signature, date, GRID.charsPerLine, seal);
  // The blank line above belongs to the block: it moves with the 署名, never ends a page alone.
  const out = [blankLine(true)];
  if (signature) {
    out.push(
      new Paragraph({
        style: STYLE.signature,
        alignment: AlignmentType.RIGHT,
        indent: { right: charsToTwip(layout.signatureRight) },
        children: [bodyRun({ text: signature })],
      }),
    );
  }
  if (date) {
    out.push(
      new Paragraph({
        style: STYLE.signature,
        ...('dateLeft' in layout
          ? { alignment: AlignmentType.LEFT, indent: { left: charsToTwip(layout.dateLeft) } }
          : { alignment: AlignmentType.RIGHT, indent: { right: charsToTwip(layout.dateRight) } }),
        children: [bodyRun({ text: date })],
      }),
    );
  }
  return out;
}

/** §7.3.4 附件说明: one blank line below the text, `附件：1.…`, wrapped lines aligned with the name. */
function attachmentNote(items: string[], keepNext: boolean): Paragraph[] {
  const label = '附件：';
  const numbered = items.length > 1;
  return [
    blankLine(true),
    ...items.map((item, i) => {
      const prefix = numbered ? `${i + 1}.` : '';
      const lead = i === 0 ? label : '';
      // Hanging indent so wrapped lines start under the attachment's name.
      const hang = visualWidth(label + prefix);
      return new Paragraph({
        style: STYLE.flush,
        ...keep(keepNext || i < items.length - 1),
        indent: { left: charsToTwip(2 + hang), hanging: charsToTwip(hang) },
        children: [bodyRun({ text: `${lead || '\u3000'.repeat(label.length)}${prefix}${item}` })],
      });
    }),
  ];
}
