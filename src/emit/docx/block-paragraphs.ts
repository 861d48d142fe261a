/** Blocks → docx paragraphs. Layout decisions that depend on GB/T figures live here and in styles.ts. */
import { type DocumentLabels, HANS_LABELS } from '../labels.js';
import { AlignmentType, HeadingLevel, PageBreak, Paragraph, type ParagraphChild, type Table, TextRun } from 'docx';
import type { Block, Run } from '../../markdown/blocks.js';
import { breakTitle } from '../../text/title-lines.js';
import { visualWidth } from '../../text/width.js';
import { blankLine, keep } from './blank-line.js';
import { fontsFor } from './fonts.js';
import { docNumberParagraphs, imprintParagraphs, letterheadParagraphs, noteParagraph } from './frame.js';
import { CONDENSE_PT, FONT, GRID, PARAGRAPH_INDENT_CHARS, SEAL, SIGNATURE, TEXT_PT, TYPE_AREA_MM, charsToTwip, mmToPt } from './gbt9704.js';
import { fitLastLine, tightening } from './last-line.js';
import { type RevisionMarks, changedRuns, paragraphMarkOf, textRuns } from './runs.js';
import { STYLE } from './styles.js';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

/** Characters of 2号 title that fit on one line of the type area. */
const TITLE_LINE_CHARS = Math.floor(mmToPt(TYPE_AREA_MM.width) / TEXT_PT.title);

function bodyRuns(run: Run, condensePt = 0): ParagraphChild[] {
  // Extra condensing is written on the runs; the styles' own condensing stays for every other run.
  const spacing = condensePt > 0 ? { characterSpacing: -Math.round((CONDENSE_PT + condensePt) * 20) } : {};
  return textRuns(run.text, { bold: run.bold ?? false, font: fontsFor(FONT.body), ...spacing });
}

/**
 * A body paragraph's runs. Where its last line would hold one character alone, the line above is
 * tightened as last-line.ts decides: 点号 set at half width (w:w=50, which LibreOffice honours on a
 * single character, where it ignores character spacing), the other characters condensed.
 */
function paragraphRuns(runs: Run[], indentChars: number): ParagraphChild[] {
  const fit = fitLastLine(runs.map((r) => r.text).join(''), indentChars);
  if (!fit) return runs.flatMap((run) => bodyRuns(run));
  const out: ParagraphChild[] = [];
  let index = 0;
  for (const run of runs) {
    let piece = '';
    let kind: ReturnType<typeof tightening> = 'none';
    const flush = () => {
      if (kind === 'compress') out.push(...textRuns(piece, { bold: run.bold ?? false, font: fontsFor(FONT.body), scale: 50 }));
      else if (piece) out.push(...bodyRuns({ ...run, text: piece }, kind === 'squeeze' ? fit.squeeze!.pt : 0));
      piece = '';
    };
    for (const c of run.text) {
      const next = tightening(fit, index++);
      if (next !== kind || next === 'compress') {
        flush();
        kind = next;
      }
      piece += c;
    }
    flush();
  }
  return out;
}

/** Lines of a title, each after the first on a new line (a break, not a new paragraph). */
function titleRuns(lines: string[]): ParagraphChild[] {
  return lines.flatMap((line, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), ...textRuns(line)]);
}


/**
 * `keepNext` ties the block to the next page's first line: used for the text just above the 署名,
 * which must never stand alone on a page (the 署名 page carries text, no “此页无正文”).
 */
const bodyProps = (run: Run) => ({ bold: run.bold ?? false, font: fontsFor(FONT.body) });

/**
 * `marks`: a redline's author and date; a block that carries tracked changes (Revisable) is then
 * written with them, and without the last-line tightening (its width counts the deleted words).
 */
export function blockToParagraphs(block: Block, keepNext = false, labels: DocumentLabels = HANS_LABELS, marks?: RevisionMarks): (Paragraph | Table)[] {
  const revised = marks && 'mark' in block ? paragraphMarkOf(block.mark, marks) : {};
  switch (block.type) {
    case 'title':
      if (block.runs) {
        // A changed title is not broken into lines: the break would fall in the old words or the new.
        return [new Paragraph({ heading: HeadingLevel.TITLE, ...revised, children: changedRuns(block.runs, () => ({}), marks) }), blankLine()];
      }
      return titleParagraphs(block.text);
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level - 1], ...revised, children: block.runs ? changedRuns(block.runs, () => ({}), marks) : textRuns(block.text) })];
    case 'paragraph':
      if (marks && (block.mark || block.runs.some((r) => r.change))) {
        return [new Paragraph({ style: STYLE.body, ...keep(keepNext), ...revised, children: changedRuns(block.runs, bodyProps, marks) })];
      }
      return [new Paragraph({ style: STYLE.body, ...keep(keepNext), children: paragraphRuns(block.runs, PARAGRAPH_INDENT_CHARS) })];
    case 'flush':
      if (block.runs) return [new Paragraph({ style: STYLE.flush, ...keep(keepNext), ...revised, children: changedRuns(block.runs, bodyProps, marks) })];
      return [new Paragraph({ style: STYLE.flush, ...keep(keepNext), children: paragraphRuns([{ text: block.text }], 0) })];
    case 'signature':
      return signatureParagraphs(block.signature, block.date, block.seal, block.changes && marks ? { ...block.changes, marks } : undefined);
    case 'attachments':
      return attachmentNote(block.items, keepNext, labels.attachments);
    case 'byline':
      // Speaker and date under the title, then a blank line before the salutation, as the title
      // has one under it: the heading block stands apart from the speech.
      return [
        ...block.lines.map((line) => new Paragraph({ style: STYLE.byline, children: textRuns(line, { font: fontsFor(FONT.heading2) }) })),
        blankLine(),
      ];
    case 'pagebreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'attachment':
      if (marks && block.mark) {
        // An attachment added or removed: every line of its head, paragraph marks too, in the change (the title on one line, as a changed title is).
        const line = () => new Paragraph({ style: STYLE.flush, ...paragraphMarkOf(block.mark, marks), children: [] });
        return [
          new Paragraph({ style: STYLE.attachmentLabel, ...paragraphMarkOf(block.mark, marks), children: changedRuns([{ text: block.label, change: block.mark }], () => ({ font: fontsFor(FONT.heading1) }), marks) }),
          line(),
          new Paragraph({ style: STYLE.attachmentTitle, ...paragraphMarkOf(block.mark, marks), children: changedRuns([{ text: block.title, change: block.mark }], () => ({}), marks) }),
          line(),
        ];
      }
      return [
        new Paragraph({ style: STYLE.attachmentLabel, children: textRuns(block.label, { font: fontsFor(FONT.heading1) }) }),
        blankLine(),
        new Paragraph({
          style: STYLE.attachmentTitle,
          children: titleRuns(breakTitle(block.title, TITLE_LINE_CHARS)),
        }),
        blankLine(),
      ];
    case 'letterhead':
      return letterheadParagraphs(block);
    case 'docnumber':
      return docNumberParagraphs(block.number, block.signers, block.mode, labels.signer);
    case 'note':
      return [block.runs ? noteParagraph(block.text, block.runs, marks, block.mark) : noteParagraph(block.text)];
    case 'imprint':
      return imprintParagraphs(block.cc, block.printedBy, block.printedOn);
    case 'section':
    case 'table':
      // Sections and tables are laid out by emitDocx, which knows the page they sit on.
      return [];
  }
}

function titleParagraphs(text: string): Paragraph[] {
  const lines = breakTitle(text, TITLE_LINE_CHARS);
  return [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: titleRuns(lines),
    }),
    blankLine(),
  ];
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

/** A redline's changes of the 署名 and the date, with who made them. */
interface SignatureChanges {
  signature: Run[];
  date: Run[];
  marks: RevisionMarks;
}

function signatureParagraphs(signature: string, date: string, seal: boolean, changes?: SignatureChanges): Paragraph[] {
  const layout = layoutSignature(signature, date, GRID.charsPerLine, seal);
  // The blank line above belongs to the block: it moves with the 署名, never ends a page alone.
  const out = [blankLine(true)];
  if (signature) {
    out.push(
      new Paragraph({
        style: STYLE.signature,
        alignment: AlignmentType.RIGHT,
        indent: { right: charsToTwip(layout.signatureRight) },
        children: changes ? changedRuns(changes.signature, bodyProps, changes.marks) : bodyRuns({ text: signature }),
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
        children: changes ? changedRuns(changes.date, bodyProps, changes.marks) : bodyRuns({ text: date }),
      }),
    );
  }
  return out;
}

/** §7.3.4 附件说明: one blank line below the text, `附件：1.…`, wrapped lines aligned with the name. */
function attachmentNote(items: string[], keepNext: boolean, label: string): Paragraph[] {
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
        children: bodyRuns({ text: `${lead || '\u3000'.repeat(label.length)}${prefix}${item}` }),
      });
    }),
  ];
}
