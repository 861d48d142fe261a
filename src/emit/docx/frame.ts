/** The frame of an official document: 发文机关标志, 发文字号 and separator, 附注, 版记. */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TabStopType, TextRun } from 'docx';
import { visualWidth } from '../../text/width.js';
import { blankLine } from './block-paragraphs.js';
import { fontsFor } from './fonts.js';
import {
  COLOR,
  DOC_NUMBER,
  FONT,
  IMPRINT,
  LETTERHEAD,
  PARAGRAPH_INDENT_CHARS,
  TYPE_AREA_MM,
  charsToTwip,
  mmToPt,
  mmToTwip,
  ptToEighths,
  ptToHalfPt,
  ptToTwip,
} from './gbt9704.js';
import { STYLE } from './styles.js';

/** One line per issuer (joint issuers stacked), all at the size that lets the longest fit the line. */
export function letterheadParagraphs(issuers: string[], mode: 'red' | 'preprinted'): Paragraph[] {
  const widest = Math.max(...issuers.map(visualWidth), 1);
  const size = Math.min(LETTERHEAD.maxSizePt, Math.floor(mmToPt(TYPE_AREA_MM.width) / widest));
  const line = ptToTwip(size * 1.2);
  return issuers.map(
    (name, i) =>
      new Paragraph({
        style: STYLE.letterhead,
        alignment: AlignmentType.CENTER,
        spacing: { before: i === 0 ? mmToTwip(LETTERHEAD.topBelowTypeAreaMm) : 0, after: 0, line, lineRule: LineRuleType.EXACT },
        // On pre-printed paper the space stays and nothing is printed.
        children: mode === 'red' ? [new TextRun({ text: name, font: fontsFor(FONT.title), size: ptToHalfPt(size), color: COLOR.red })] : [],
      }),
  );
}

/** 发文字号 centred, or with 签发人 at the right for documents sent upward; the red separator under it. */
export function docNumberParagraphs(number: string, signers: string[], mode: 'red' | 'preprinted'): Paragraph[] {
  const side = charsToTwip(DOC_NUMBER.sideIndentChars);
  const border =
    mode === 'red'
      ? { bottom: { style: BorderStyle.SINGLE, size: ptToEighths(DOC_NUMBER.separatorPt), color: COLOR.red, space: Math.round(mmToPt(DOC_NUMBER.separatorGapMm)) } }
      : undefined;
  const body = fontsFor(FONT.body);
  const numberLine = signers.length
    ? new Paragraph({
        style: STYLE.flush,
        indent: { left: side, right: side },
        tabStops: [{ type: TabStopType.RIGHT, position: mmToTwip(TYPE_AREA_MM.width) - side }],
        ...(border ? { border } : {}),
        children: [
          new TextRun({ text: `${number}\t签发人：`, font: body }),
          new TextRun({ text: signers.join('　'), font: fontsFor(FONT.heading2) }),
        ],
      })
    : new Paragraph({ style: STYLE.flush, alignment: AlignmentType.CENTER, ...(border ? { border } : {}), children: [new TextRun({ text: number, font: body })] });
  return [
    ...Array.from({ length: DOC_NUMBER.blankLinesAbove }, blankLine),
    numberLine,
    ...Array.from({ length: DOC_NUMBER.blankLinesBelow }, blankLine),
  ];
}

/** 附注: indented two characters, in parentheses, on the line below the date. */
export function noteParagraph(text: string): Paragraph {
  return new Paragraph({
    style: STYLE.flush,
    indent: { firstLine: charsToTwip(PARAGRAPH_INDENT_CHARS) },
    children: [new TextRun({ text: `（${text}）`, font: fontsFor(FONT.body) })],
  });
}

/**
 * Grid rows the 版记 takes: the 抄送 lines (estimated with one character a line to spare) and the
 * 印发 line. Used to push it to the foot of its page where a client ignores vertical alignment.
 */
export function imprintRows(cc: string): number {
  if (!cc) return 1;
  const perLine = Math.floor(mmToPt(TYPE_AREA_MM.width) / IMPRINT.sizePt) - 2 * IMPRINT.sideIndentChars - 1;
  const label = visualWidth('抄送：');
  const body = visualWidth(cc) - label;
  const first = perLine - label;
  const rest = perLine - label;
  return 1 + 1 + (body <= first ? 0 : Math.ceil((body - first) / rest));
}

/**
 * A full-width rule of the 版记: an empty paragraph with no indent, off the line grid and nearly
 * no height, so the rule spans the type area while the text beside it keeps one character in.
 */
function imprintRule(pt: number): Paragraph {
  return new Paragraph({
    style: STYLE.imprintRule,
    border: { bottom: { style: BorderStyle.SINGLE, size: ptToEighths(pt), color: COLOR.text, space: 0 } },
    children: [],
  });
}

/** 版记: 抄送 (wrapped lines under the names) and 印发机关 / 印发日期 on one line, between rules. */
export function imprintParagraphs(cc: string, printedBy: string, printedOn: string): Paragraph[] {
  const char = ptToTwip(IMPRINT.sizePt);
  const side = char * IMPRINT.sideIndentChars;
  const run = (text: string) => new TextRun({ text, font: fontsFor(FONT.body), size: ptToHalfPt(IMPRINT.sizePt) });
  const out: Paragraph[] = [imprintRule(IMPRINT.outerRulePt)];
  if (cc) {
    const label = visualWidth('抄送：') * char;
    out.push(new Paragraph({ style: STYLE.flush, indent: { left: side + label, hanging: label, right: side }, children: [run(cc)] }));
    out.push(imprintRule(IMPRINT.innerRulePt));
  }
  out.push(
    new Paragraph({
      style: STYLE.flush,
      indent: { left: side, right: side },
      // Tab positions count from the margin, so the date ends one character in from the right.
      tabStops: [{ type: TabStopType.RIGHT, position: mmToTwip(TYPE_AREA_MM.width) - side }],
      children: [run(`${printedBy}\t${printedOn}`)],
    }),
  );
  out.push(imprintRule(IMPRINT.outerRulePt));
  return out;
}
