/**
 * One w:p → SourceParagraph: its runs read for the text a reader sees (numbering marker first),
 * the bold lead, size, colour and page breaks; its properties and style chain for alignment,
 * heading level and Title. Tables and sections are read-docx.ts's; this file knows one paragraph.
 */
import type { Numbering } from './docx-numbering.js';
import { type DocxStyles, type RunProps, mergeProps, readParagraphProps, readRunProps } from './docx-styles.js';
import type { SourceParagraph } from './source-document.js';
import { type XmlElement, type XmlNode, child, textOf, valOf } from './xml-tree.js';

const INVISIBLE = /[\u2060\u200b\ufeff]/g;
const LEADING_SPACE = /^\s+/;
const TRAILING_SPACE = /\s+$/;

/** Containers whose children are read as if they stood in the parent. */
const TRANSPARENT_INLINE = new Set(['w:hyperlink', 'w:ins', 'w:moveTo', 'w:smartTag', 'w:customXml', 'w:bdo', 'w:dir', 'w:fldSimple']);

const ALIGNMENTS: Readonly<Record<string, SourceParagraph['align']>> = {
  left: 'left',
  start: 'left',
  center: 'center',
  right: 'right',
  end: 'right',
  both: 'justify',
  distribute: 'justify',
  thaiDistribute: 'justify',
  highKashida: 'justify',
  mediumKashida: 'justify',
  lowKashida: 'justify',
};

/** A red close enough to the letterhead's: strong red, little green and blue (FF0000, C00000, E60012). */
export function isRedColor(color: string | undefined): boolean {
  if (!color || !/^[0-9a-f]{6}$/i.test(color)) return false;
  const value = Number.parseInt(color, 16);
  const r = value >> 16;
  const g = (value >> 8) & 0xff;
  const b = value & 0xff;
  return r >= 0xb0 && g <= 0x60 && b <= 0x60;
}

interface Piece {
  text: string;
  bold: boolean;
}

export interface ReadParagraph {
  paragraph: SourceParagraph;
  /** A page break before any text, or w:pageBreakBefore. */
  breakBefore: boolean;
  /** A page break after the last text: the next paragraph starts the page. */
  breakAfter: boolean;
  /** The w:sectPr that ends a section with this paragraph. */
  section?: XmlElement;
  /**
   * The text boxes anchored in this paragraph (w:txbxContent, from a DrawingML shape or a VML
   * one): their paragraphs are read as blocks after it, so their text is never lost.
   */
  textBoxes: XmlElement[];
  /** Footnote and endnote references in the paragraph: their text is in parts not read here. */
  notes: number;
}

/**
 * The w:txbxContent elements inside a drawing or a picture, outermost only (a box inside a box is
 * found when its own paragraphs are read). Of mc:AlternateContent one branch is read, not both:
 * Word writes the same box as DrawingML and again as VML.
 */
export function findTextBoxes(node: XmlElement): XmlElement[] {
  if (node.name === 'w:txbxContent') return [node];
  if (node.name === 'mc:AlternateContent') {
    const branch = child(node, 'mc:Choice') ?? child(node, 'mc:Fallback');
    return branch ? findTextBoxes(branch) : [];
  }
  return node.children.flatMap((c) => (typeof c === 'string' ? [] : findTextBoxes(c)));
}

function isTableOfContents(instruction: string): boolean {
  return /^\s*TOC\b/i.test(instruction);
}

/** Heading level from the style names along the chain: `heading 2` and `标题 2` are 1. */
function headingFromNames(names: readonly string[]): number | undefined {
  for (const name of names) {
    const m = /^(?:heading|标题)\s*([1-9])$/.exec(name);
    if (m) return Number(m[1]) - 1;
  }
  return undefined;
}

/** What a paragraph's reading shares with the rest of the document. */
export interface ParagraphContext {
  styles: DocxStyles;
  numbering: Numbering;
  /**
   * Open fields, innermost last (a field can span paragraphs): `result` once w:fldChar separate
   * is passed; `instruction` collects the field code. A table of contents repeats the headings,
   * so its result is not read.
   */
  fields: { result: boolean; instruction: string }[];
}

/** Reads one paragraph; counters of automatic numbering advance. */
export function readParagraph(p: XmlElement, context: ParagraphContext): ReadParagraph {
  const pPr = child(p, 'w:pPr');
  const direct = readParagraphProps(pPr);
  const styleId = valOf(pPr, 'w:pStyle') ?? context.styles.defaultParagraph;
  const style = context.styles.get(styleId);
  const props = mergeProps(mergeProps(context.styles.defaults.paragraph, style?.paragraph ?? {}), direct);
  const marker =
    props.numId !== undefined ? (context.numbering.numberParagraph(props.numId, props.ilvl, styleId) ?? '') : '';
  const baseRun = mergeProps(context.styles.defaults.run, style?.run ?? {});

  const state = {
    pieces: [] as Piece[],
    maxSize: 0,
    sawVisible: false,
    allRed: true,
    breakBefore: false,
    breakAfter: false,
    textBoxes: [] as XmlElement[],
    notes: 0,
  };
  const append = (raw: string, run: RunProps) => {
    const text = raw.replace(INVISIBLE, '');
    if (text === '') return;
    if (state.breakAfter) {
      // The page break fell inside the paragraph: what follows is on the next page, a line below.
      state.breakAfter = false;
      state.pieces.push({ text: '\n', bold: false });
    }
    state.pieces.push({ text, bold: run.bold === true });
    if (text.trim() === '') return;
    if (run.size !== undefined && run.size > state.maxSize) state.maxSize = run.size;
    state.sawVisible = true;
    if (!isRedColor(run.color)) state.allRed = false;
  };
  const hasText = () => state.pieces.some((piece) => piece.text.trim() !== '');

  const readRun = (r: XmlElement) => {
    const rPr = child(r, 'w:rPr');
    const charStyle = context.styles.get(valOf(rPr, 'w:rStyle'))?.run ?? {};
    const run = mergeProps(mergeProps(baseRun, charStyle), readRunProps(rPr));
    for (const node of r.children) {
      if (typeof node === 'string') continue;
      if (node.name === 'w:fldChar') {
        const type = node.attrs['w:fldCharType'];
        const open = context.fields[context.fields.length - 1];
        if (type === 'begin') context.fields.push({ result: false, instruction: '' });
        else if (type === 'separate' && open) open.result = !isTableOfContents(open.instruction);
        else if (type === 'end') context.fields.pop();
        continue;
      }
      if (node.name === 'w:instrText') {
        const open = context.fields[context.fields.length - 1];
        if (open && !open.result) open.instruction += textOf(node);
        continue;
      }
      // Inside a field's instructions (before w:fldChar separate) nothing shows on the page.
      if (run.hidden || context.fields.some((field) => !field.result)) continue;
      switch (node.name) {
        case 'w:t':
          append(textOf(node), run);
          break;
        case 'w:tab':
        case 'w:ptab':
          append('\t', run);
          break;
        case 'w:br':
          if (node.attrs['w:type'] === 'page') {
            if (hasText()) state.breakAfter = true;
            else state.breakBefore = true;
          } else {
            append('\n', run);
          }
          break;
        case 'w:cr':
          append('\n', run);
          break;
        case 'w:noBreakHyphen':
          append('-', run);
          break;
        case 'w:sym': {
          // Symbol-font glyphs (F0xx) have no character of their own; others are text.
          // A code past Unicode's last (0x10FFFF) or a surrogate is no character at all.
          const code = Number.parseInt(node.attrs['w:char'] ?? '', 16);
          const character = Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
          if (character && (code < 0xf000 || code > 0xf0ff)) append(String.fromCodePoint(code), run);
          break;
        }
        case 'w:footnoteReference':
        case 'w:endnoteReference':
          state.notes += 1;
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
        case 'mc:AlternateContent':
          state.textBoxes.push(...findTextBoxes(node));
          break;
        case 'w:ruby':
          // The base text, not the small pronunciation guide above it.
          readInline(child(node, 'w:rubyBase')?.children ?? []);
          break;
      }
    }
  };
  const readInline = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      if (node.name === 'w:r') readRun(node);
      else if (node.name === 'w:fldSimple' && isTableOfContents(node.attrs['w:instr'] ?? '')) continue;
      else if (TRANSPARENT_INLINE.has(node.name)) readInline(node.children);
      else if (node.name === 'w:sdt') readInline(child(node, 'w:sdtContent')?.children ?? []);
      else if (node.name === 'mc:AlternateContent') {
        const fallback = child(node, 'mc:Fallback');
        readInline((fallback ?? child(node, 'mc:Choice'))?.children ?? []);
      }
      // w:del, w:moveFrom (deleted text), bookmarks, proofing marks, math: not read.
    }
  };
  readInline(p.children);

  const raw = state.pieces.map((piece) => piece.text).join('');
  const lead = LEADING_SPACE.exec(raw)?.[0].length ?? 0;
  const body = raw.slice(lead).replace(TRAILING_SPACE, '');
  const text = marker + body;
  const paragraph: SourceParagraph = { kind: 'paragraph', text };
  if (marker) paragraph.numberLength = marker.length;
  const bold = boldLead(state.pieces, lead);
  const boldLength = Math.min(bold.length, body.length - bold.from);
  if (boldLength > 0) {
    paragraph.boldLength = boldLength;
    if (bold.from > 0) paragraph.boldFrom = bold.from;
  }
  const align = props.align !== undefined ? ALIGNMENTS[props.align] : undefined;
  if (align) paragraph.align = align;
  const names = style?.names ?? [];
  const heading =
    props.outlineLevel !== undefined && props.outlineLevel >= 0 && props.outlineLevel <= 8 ? props.outlineLevel : headingFromNames(names);
  if (heading !== undefined) paragraph.headingLevel = heading;
  if (names.some((name) => name === 'title' || name === '标题')) paragraph.title = true;
  const size = state.maxSize || baseRun.size;
  if (size) paragraph.fontSize = size / 2;
  if (state.sawVisible && state.allRed) paragraph.red = true;
  const section = child(pPr, 'w:sectPr');
  return {
    paragraph,
    breakBefore: state.breakBefore || props.pageBreakBefore === true,
    breakAfter: state.breakAfter,
    ...(section ? { section } : {}),
    textBoxes: state.textBoxes,
    notes: state.notes,
  };
}

/** The longest regular-weight start a bold lead may follow: a typed “（十二）” or “12.”, not prose. */
const MAX_PLAIN_START = 8;

/**
 * The run-in lead from `skip` on: how many characters are bold, and after how many regular ones
 * (a typed number left in regular weight, at most MAX_PLAIN_START). Whitespace between two bold
 * runs belongs to the lead; the first other regular text after the lead ends it.
 */
function boldLead(pieces: readonly Piece[], skip: number): { from: number; length: number } {
  let offset = 0;
  let plain = 0;
  let bold = 0;
  let pendingSpace = 0;
  for (const piece of pieces) {
    const from = Math.max(0, skip - offset);
    offset += piece.text.length;
    if (from >= piece.text.length) continue;
    const length = piece.text.length - from;
    if (piece.bold) {
      if (bold === 0) plain += pendingSpace;
      else bold += pendingSpace;
      bold += length;
      pendingSpace = 0;
    } else if (piece.text.slice(from).trim() === '') {
      pendingSpace += length;
    } else if (bold === 0) {
      plain += pendingSpace + length;
      pendingSpace = 0;
      if (plain > MAX_PLAIN_START) break;
    } else {
      break;
    }
  }
  return bold > 0 && plain <= MAX_PLAIN_START ? { from: plain, length: bold } : { from: 0, length: 0 };
}
