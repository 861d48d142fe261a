/**
 * Paragraph styles. Word's built-in names (Title, Heading 1–4) keep the navigation pane and tables
 * of contents working; body text has its own style so its first-line indent never leaks into
 * tables or footers.
 */
import { AlignmentType, type IParagraphStylePropertiesOptions, type IStylesOptions, LineRuleType } from 'docx';
import { fontsFor } from './fonts.js';
import {
  COLOR,
  CONDENSE_PT,
  FONT,
  LINE_PITCH_PT,
  PARAGRAPH_INDENT_CHARS,
  TEXT_PT,
  charsToTwip,
  ptToHalfPt,
  ptToTwip,
} from './gbt9704.js';

export const STYLE = {
  body: 'BodyText',
  flush: 'BodyFlush',
  signature: 'Signature',
  byline: 'Byline',
  attachmentLabel: 'AttachmentLabel',
  attachmentTitle: 'AttachmentTitle',
  letterhead: 'Letterhead',
  imprintRule: 'ImprintRule',
  tableEnd: 'TableEnd',
} as const;

const exactLine = { line: ptToTwip(LINE_PITCH_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/**
 * Paragraph properties of every style on the grid: exact line pitch, and widow/orphan control (孤行控制)
 * on, as Word's and WPS's own Normal style has it: a paragraph never leaves its first or its last
 * line alone at the foot or the head of a page, so such a page holds 21 lines, not 22.
 * patchStylesXml adds what the docx library cannot write: no automatic space between Chinese and
 * digits, which would print “2025 年 1 月 10 日”, and no punctuation hanging past the type area.
 */
const gridParagraph = (extra: Record<string, unknown> = {}) =>
  ({ spacing: exactLine, widowControl: true, ...extra }) as IParagraphStylePropertiesOptions;
const firstLine = { firstLine: charsToTwip(PARAGRAPH_INDENT_CHARS) };
const run = (eastAsia: string, sizePt: number, extra: { bold?: boolean; color?: string } = {}) => ({
  font: fontsFor(eastAsia),
  size: ptToHalfPt(sizePt),
  color: extra.color ?? COLOR.text,
  bold: extra.bold ?? false,
  characterSpacing: -ptToTwip(CONDENSE_PT),
});

export function buildStyles(): IStylesOptions {
  const heading = (level: number, eastAsia: string, bold: boolean) => ({
    run: run(eastAsia, TEXT_PT.body, { bold }),
    paragraph: gridParagraph({
      indent: firstLine,
      alignment: AlignmentType.JUSTIFIED,
      keepNext: true,
      keepLines: true,
      outlineLevel: level - 1,
    }),
  });
  return {
    default: {
      document: {
        // Chinese text, so Word and WPS apply Chinese line-breaking (避头尾) and punctuation rules.
        run: { ...run(FONT.body, TEXT_PT.body), language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: gridParagraph(),
      },
      title: {
        run: run(FONT.title, TEXT_PT.title),
        paragraph: gridParagraph({ alignment: AlignmentType.CENTER, keepNext: true, keepLines: true }),
      },
      heading1: heading(1, FONT.heading1, false),
      heading2: heading(2, FONT.heading2, false),
      heading3: heading(3, FONT.body, true),
      heading4: heading(4, FONT.body, false),
    },
    paragraphStyles: [
      {
        // LibreOffice sizes the character grid from Normal's East Asian font size, not docDefaults.
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: run(FONT.body, TEXT_PT.body),
        paragraph: gridParagraph(),
      },
      {
        id: STYLE.body,
        name: 'Body Text',
        basedOn: 'Normal',
        quickFormat: true,
        run: run(FONT.body, TEXT_PT.body),
        paragraph: gridParagraph({ alignment: AlignmentType.JUSTIFIED, indent: firstLine }),
      },
      {
        id: STYLE.flush,
        name: 'Body Text Flush',
        basedOn: STYLE.body,
        run: run(FONT.body, TEXT_PT.body),
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: STYLE.signature,
        name: 'Signature',
        basedOn: 'Normal',
        run: run(FONT.body, TEXT_PT.body),
        paragraph: gridParagraph({ alignment: AlignmentType.RIGHT, keepNext: true, keepLines: true }),
      },
      {
        id: STYLE.attachmentLabel,
        name: 'Attachment Label',
        basedOn: 'Normal',
        run: run(FONT.heading1, TEXT_PT.body),
        paragraph: gridParagraph({ alignment: AlignmentType.LEFT, keepNext: true }),
      },
      {
        id: STYLE.attachmentTitle,
        name: 'Attachment Title',
        basedOn: 'Normal',
        run: run(FONT.title, TEXT_PT.title),
        paragraph: gridParagraph({ alignment: AlignmentType.CENTER, keepNext: true, keepLines: true }),
      },
      {
        id: STYLE.letterhead,
        name: 'Letterhead',
        basedOn: 'Normal',
        run: run(FONT.title, TEXT_PT.title, { color: COLOR.red }),
        paragraph: gridParagraph({ alignment: AlignmentType.CENTER, keepNext: true }),
      },
      {
        id: STYLE.imprintRule,
        name: 'Imprint Rule',
        basedOn: 'Normal',
        run: { size: 2 },
        paragraph: gridParagraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, keepNext: true }),
      },
      {
        // The paragraph a table must be followed by where it ends a section: a point high and off
        // the grid, so a table that fills its page is not followed by a page holding nothing.
        id: STYLE.tableEnd,
        name: 'Table End',
        basedOn: 'Normal',
        run: { size: 2 },
        paragraph: gridParagraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }),
      },
      {
        id: STYLE.byline,
        name: 'Byline',
        basedOn: 'Normal',
        run: run(FONT.heading2, TEXT_PT.body),
        paragraph: gridParagraph({ alignment: AlignmentType.CENTER, keepNext: true }),
      },
    ],
  };
}

/**
 * Style properties the docx library cannot write (or writes out of CT_PPrBase order), placed where
 * the schema wants them, right after w:widowControl:
 * - overflowPunct off: no punctuation hangs past the type area (标点不溢出边界). GB/T 9704 §5.2.3 has
 *   every line hold 28 characters and 撑满版心, no more; a 点号 takes a character's place (GB/T 15834
 *   §5.1) and at a line's end may be compressed to half a place instead (§5.1.10); most Chinese
 *   publications hang nothing (W3C clreq §3.1.7). Word and WPS, whose default is to let it hang,
 *   compress line-end punctuation instead (with characterSpacingControl, see patchSettingsXml).
 *   LibreOffice 7.4 reads the element inverted (writerfilter maps overflowPunct="false" to
 *   ParaIsHangingPunctuation=true), so it still hangs a line-end 点号: see docs/guide/troubleshooting.md.
 * - autoSpaceDE/DN off: no automatic space between Chinese and Latin text or digits (LibreOffice
 *   ignores both and adds its own Asian–Western spacing; runs.ts takes it away after digits);
 * - the Title style off the line grid: LibreOffice gives a 22 pt line two grid rows, while its
 *   exact spacing keeps it to one (Word does the same either way).
 */
export function patchStylesXml(xml: string): string {
  return xml
    .replace(
      /<w:widowControl\/>/g,
      '<w:widowControl/><w:overflowPunct w:val="false"/><w:autoSpaceDE w:val="false"/><w:autoSpaceDN w:val="false"/>',
    )
    .replace(/(<w:style w:type="paragraph" w:styleId="(?:Title|AttachmentTitle|Letterhead|ImprintRule|TableEnd)">[\s\S]*?<w:pPr>[\s\S]*?)(<w:spacing )/g, '$1<w:snapToGrid w:val="0"/>$2');
}

/**
 * Document settings the docx library cannot write: punctuation compression (只压缩标点符号), which
 * Word and WPS set in every Chinese document they create. It lets a line end in a compressed 点号
 * rather than push a character to the next line, and squeezes paired punctuation (。” ，“).
 */
export function patchSettingsXml(xml: string): string {
  return xml.replace('<w:compat>', '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat>');
}
