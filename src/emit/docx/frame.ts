/** The frame of an official document: 发文机关标志, 发文字号 and separator, 附注, 版记. */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { visualWidth } from '../../text/width.js';
import type { Block, Change, PrintedLetterhead, Run } from '../../markdown/blocks.js';
import { blankLine } from './blank-line.js';
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
import { type RevisionMarks, changeOf, changedRuns, hintedRuns, paragraphMarkOf, textRuns } from './runs.js';
import { STYLE } from './styles.js';

/**
 * 发文机关标志 (§7.2.1): one line per issuer, joint issuers stacked, all at the size that lets the
 * longest fit the line. With 文件 after joint names, the names stand in a column, spread to one
 * width, and 文件 sits at their right, centred on them from top to bottom.
 */
export function letterheadParagraphs({ names, suffix, mode }: Extract<Block, { type: 'letterhead' }>): (Paragraph | Table)[] {
  if (suffix) return jointLetterhead(names, suffix, mode);
  const widest = Math.max(...names.map(visualWidth), 1);
  const size = Math.min(LETTERHEAD.maxSizePt, Math.floor(mmToPt(TYPE_AREA_MM.width) / widest));
  const line = ptToTwip(size * 1.2);
  return names.map(
    (name, i) =>
      new Paragraph({
        style: STYLE.letterhead,
        alignment: AlignmentType.CENTER,
        spacing: { before: i === 0 ? mmToTwip(LETTERHEAD.topBelowTypeAreaMm) : 0, after: 0, line, lineRule: LineRuleType.EXACT },
        // On pre-printed paper the space stays and nothing is printed.
        children: mode === 'red' ? letterheadRuns(name, size) : [],
      }),
  );
}

function letterheadRuns(text: string, size: number) {
  return hintedRuns(text, { font: fontsFor(FONT.title), size: ptToHalfPt(size), color: COLOR.red });
}

function jointLetterhead(names: string[], suffix: string, mode: PrintedLetterhead): (Paragraph | Table)[] {
  const widest = Math.max(...names.map(visualWidth), 1);
  // The names, a character's gap, then 文件: together no wider than the type area.
  const suffixChars = 1 + visualWidth(suffix);
  const size = Math.min(LETTERHEAD.maxSizePt, Math.floor(mmToPt(TYPE_AREA_MM.width) / (widest + suffixChars)));
  const line = ptToTwip(size * 1.2);
  const namesWidth = Math.ceil(ptToTwip(size * widest));
  const suffixWidth = Math.ceil(ptToTwip(size * suffixChars));
  const paragraph = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({
      style: STYLE.letterhead,
      alignment,
      spacing: { before: 0, after: 0, line, lineRule: LineRuleType.EXACT },
      children: mode === 'red' ? letterheadRuns(text, size) : [],
    });
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      children,
    });
  return [
    // The 35 mm above the 标志, as an empty line of that height: a table has no space before.
    new Paragraph({
      style: STYLE.letterhead,
      spacing: { before: 0, after: 0, line: mmToTwip(LETTERHEAD.topBelowTypeAreaMm), lineRule: LineRuleType.EXACT },
      children: [],
    }),
    new Table({
      width: { size: namesWidth + suffixWidth, type: WidthType.DXA },
      columnWidths: [namesWidth, suffixWidth],
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: TableBorders.NONE,
      rows: [
        new TableRow({
          children: [
            // Names of different lengths spread to one width, as joint 标志 are set.
            cell(names.map((name) => paragraph(name, AlignmentType.DISTRIBUTE)), namesWidth),
            cell([paragraph(suffix, AlignmentType.RIGHT)], suffixWidth),
          ],
        }),
      ],
    }),
  ];
}

/** 发文字号 centred, or with 签发人 at the right for documents sent upward; the red separator under it. */
export function docNumberParagraphs(number: string, signers: string[], mode: PrintedLetterhead, signerLabel: string): Paragraph[] {
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
          ...textRuns(`${number}\t${signerLabel}`, { font: body }),
          ...hintedRuns(signers.join('　'), { font: fontsFor(FONT.heading2) }),
        ],
      })
    : new Paragraph({ style: STYLE.flush, alignment: AlignmentType.CENTER, ...(border ? { border } : {}), children: textRuns(number, { font: body }) });
  return [
    ...Array.from({ length: DOC_NUMBER.blankLinesAbove }, blankLine),
    numberLine,
    ...Array.from({ length: DOC_NUMBER.blankLinesBelow }, blankLine),
  ];
}

/** 附注: indented two characters, in parentheses, on the line below the date. */
/** `runs` and `paragraphMark`: a redline's changes of the note's text and of the paragraph itself. */
export function noteParagraph(text: string, runs?: readonly Run[], marks?: RevisionMarks, paragraphMark?: Change): Paragraph {
  const props = { font: fontsFor(FONT.body) };
  return new Paragraph({
    style: STYLE.flush,
    indent: { firstLine: charsToTwip(PARAGRAPH_INDENT_CHARS) },
    ...paragraphMarkOf(paragraphMark, marks),
    // The parentheses go with the note: deleted with it, inserted with it.
    children: runs ? changedRuns([{ text: '（', ...changeOf(paragraphMark) }, ...runs, { text: '）', ...changeOf(paragraphMark) }], () => props, marks) : textRuns(`（${text}）`, props),
  });
}

/**
 * Grid rows the 版记 takes: the 抄送 lines (estimated with one character a line to spare) and the
 * 印发 line. Used to push it to the foot of its page where a client ignores vertical alignment.
 */
export function imprintRows(cc: string): number {
  if (!cc) return 1;
  const perLine = Math.floor(mmToPt(TYPE_AREA_MM.width) / IMPRINT.sizePt) - 2 * IMPRINT.sideIndentChars - 1;
  // Wrapped 抄送 lines stand under the names, so every line has the room after the label.
  const room = perLine - visualWidth('抄送：');
  const ccLines = Math.max(1, Math.ceil((visualWidth(cc) - visualWidth('抄送：')) / room));
  return ccLines + 1;
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
  const run = (text: string) => textRuns(text, { font: fontsFor(FONT.body), size: ptToHalfPt(IMPRINT.sizePt) });
  const out: Paragraph[] = [imprintRule(IMPRINT.outerRulePt)];
  if (cc) {
    const label = visualWidth('抄送：') * char;
    out.push(new Paragraph({ style: STYLE.flush, indent: { left: side + label, hanging: label, right: side }, children: run(cc) }));
    out.push(imprintRule(IMPRINT.innerRulePt));
  }
  out.push(
    new Paragraph({
      style: STYLE.flush,
      indent: { left: side, right: side },
      // Tab positions count from the margin, so the date ends one character in from the right.
      tabStops: [{ type: TabStopType.RIGHT, position: mmToTwip(TYPE_AREA_MM.width) - side }],
      children: run(`${printedBy}\t${printedOn}`),
    }),
  );
  out.push(imprintRule(IMPRINT.outerRulePt));
  return out;
}
