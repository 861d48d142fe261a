/**
 * .docx → SourceDocument: the paragraphs and tables of document.xml in reading order, each with
 * the text a reader of the page sees. Word's automatic numbering is turned back into its text
 * (docx-numbering.ts); bold run-in leads, alignment, heading levels, sizes, red letterheads and
 * page starts come from the runs, the paragraph and its style chain (docx-styles.ts).
 *
 * A line break (w:br, w:cr) is `\n` and a tab `\t`, inside the paragraph's text; white space at
 * either end of a paragraph is indentation and is not text.
 *
 * What is left out, on purpose: deleted revisions (w:del), hidden text (w:vanish), field codes
 * (their displayed result is kept) and tables of contents (TOC fields repeat the headings), text
 * boxes and drawings, headers and footers (page numbers), footnotes, and the characters that
 * only steer line breaking (U+2060, U+200B, U+FEFF), which this tool's own .docx puts between a
 * figure and its unit.
 */
import type { SourceBlock, SourceCell, SourceDocument, SourceParagraph, SourceTable } from './source-document.js';
import { readDocxParts } from './docx-package.js';
import { readNumbering, type Numbering } from './docx-numbering.js';
import { type DocxStyles, type RunProps, mergeProps, readParagraphProps, readRunProps, readStyles } from './docx-styles.js';
import { SourceFormatError } from './source-format-error.js';
import { type XmlElement, type XmlNode, child, parseXml, textOf, valOf } from './xml-tree.js';

const NO_TEXT: ReadonlySet<string> = new Set();
const DOCUMENT_TEXT: ReadonlySet<string> = new Set(['w:t', 'w:instrText']);
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

interface ReadParagraph {
  paragraph: SourceParagraph;
  /** A page break before any text, or w:pageBreakBefore. */
  breakBefore: boolean;
  /** A page break after the last text: the next paragraph starts the page. */
  breakAfter: boolean;
  /** The w:sectPr that ends a section with this paragraph. */
  section?: XmlElement;
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

/** Reads a .docx. Throws SourceFormatError for a file that is not a readable .docx. */
export function readDocx(bytes: Uint8Array): SourceDocument {
  const parts = readDocxParts(bytes);
  const styles = readStyles(parts.styles !== undefined ? parseXml(parts.styles, NO_TEXT) : undefined);
  const numbering = readNumbering(parts.numbering !== undefined ? parseXml(parts.numbering, NO_TEXT) : undefined, styles);
  const root = parseXml(parts.document, DOCUMENT_TEXT);
  const body = child(child(root, 'w:document'), 'w:body');
  if (!body) throw new SourceFormatError('这不是 Word 文档（.docx）：正文部分没有 w:body');
  return { format: 'docx', blocks: new BodyReader(styles, numbering).read(body), removed: [] };
}

class BodyReader {
  private readonly blocks: SourceBlock[] = [];
  private pendingBreak = false;
  /**
   * Open fields, innermost last: `result` once w:fldChar separate is passed; `instruction`
   * collects the field code. A table of contents repeats the headings, so its result is not read.
   */
  private readonly fields: { result: boolean; instruction: string }[] = [];
  /** Block index where each section after the first starts, and every section's w:type. */
  private readonly sectionStarts: number[] = [];
  private readonly sectionTypes: (string | undefined)[] = [];

  constructor(
    private readonly styles: DocxStyles,
    private readonly numbering: Numbering,
  ) {}

  read(body: XmlElement): SourceBlock[] {
    this.readBlocks(body.children);
    // A section's w:type says how it starts: a new page unless continuous (or a new column).
    this.sectionStarts.forEach((start, i) => {
      const type = this.sectionTypes[i + 1];
      const block = this.blocks[start];
      if (type !== 'continuous' && type !== 'nextColumn' && block?.kind === 'paragraph') block.pageBreakBefore = true;
    });
    return this.blocks;
  }

  private readBlocks(nodes: readonly XmlNode[]): void {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      switch (node.name) {
        case 'w:p':
          this.addParagraph(this.readParagraph(node));
          break;
        case 'w:tbl':
          this.pendingBreak = false;
          this.blocks.push(this.readTable(node));
          break;
        case 'w:sdt':
          this.readBlocks(child(node, 'w:sdtContent')?.children ?? []);
          break;
        case 'w:customXml':
          this.readBlocks(node.children);
          break;
        case 'w:sectPr':
          this.sectionTypes.push(valOf(node, 'w:type'));
          break;
      }
    }
  }

  private addParagraph(read: ReadParagraph): void {
    const { paragraph } = read;
    if (paragraph.text !== '') {
      if (read.breakBefore || this.pendingBreak) paragraph.pageBreakBefore = true;
      this.pendingBreak = false;
      this.blocks.push(paragraph);
    } else if (read.breakBefore) {
      this.pendingBreak = true;
    }
    if (read.breakAfter) this.pendingBreak = true;
    if (read.section) {
      this.sectionTypes.push(valOf(read.section, 'w:type'));
      this.sectionStarts.push(this.blocks.length);
    }
  }

  private readParagraph(p: XmlElement): ReadParagraph {
    const pPr = child(p, 'w:pPr');
    const direct = readParagraphProps(pPr);
    const styleId = valOf(pPr, 'w:pStyle') ?? this.styles.defaultParagraph;
    const style = this.styles.get(styleId);
    const props = mergeProps(mergeProps(this.styles.defaults.paragraph, style?.paragraph ?? {}), direct);
    const marker =
      props.numId !== undefined ? (this.numbering.numberParagraph(props.numId, props.ilvl, styleId) ?? '') : '';
    const baseRun = mergeProps(this.styles.defaults.run, style?.run ?? {});

    const state = {
      pieces: [] as Piece[],
      maxSize: 0,
      sawVisible: false,
      allRed: true,
      breakBefore: false,
      breakAfter: false,
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
      const charStyle = this.styles.get(valOf(rPr, 'w:rStyle'))?.run ?? {};
      const run = mergeProps(mergeProps(baseRun, charStyle), readRunProps(rPr));
      for (const node of r.children) {
        if (typeof node === 'string') continue;
        if (node.name === 'w:fldChar') {
          const type = node.attrs['w:fldCharType'];
          const open = this.fields[this.fields.length - 1];
          if (type === 'begin') this.fields.push({ result: false, instruction: '' });
          else if (type === 'separate' && open) open.result = !isTableOfContents(open.instruction);
          else if (type === 'end') this.fields.pop();
          continue;
        }
        if (node.name === 'w:instrText') {
          const open = this.fields[this.fields.length - 1];
          if (open && !open.result) open.instruction += textOf(node);
          continue;
        }
        // Inside a field's instructions (before w:fldChar separate) nothing shows on the page.
        if (run.hidden || this.fields.some((field) => !field.result)) continue;
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
            const code = Number.parseInt(node.attrs['w:char'] ?? '', 16);
            if (Number.isInteger(code) && code > 0 && (code < 0xf000 || code > 0xf0ff)) append(String.fromCodePoint(code), run);
            break;
          }
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
    const boldLength = Math.min(boldPrefix(state.pieces, lead), body.length);
    if (boldLength > 0) paragraph.boldLength = boldLength;
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
    };
  }

  private readTable(tbl: XmlElement): SourceTable {
    const rows: SourceCell[][] = [];
    /** The cell a vertical merge started in, by grid column. */
    const open = new Map<number, SourceCell>();
    for (const tr of flatten(tbl, 'w:tr')) {
      const trPr = child(tr, 'w:trPr');
      let column = Number(valOf(trPr, 'w:gridBefore')) || 0;
      const cells: SourceCell[] = [];
      for (const tc of flatten(tr, 'w:tc')) {
        const tcPr = child(tc, 'w:tcPr');
        const span = Math.max(1, Number(valOf(tcPr, 'w:gridSpan')) || 1);
        const vMerge = child(tcPr, 'w:vMerge');
        const continued = vMerge !== undefined && vMerge.attrs['w:val'] !== 'restart';
        const lines = this.cellLines(tc);
        const cell: SourceCell = { text: continued ? '' : lines.join('\n') };
        if (span > 1) cell.colSpan = span;
        if (continued) {
          cell.continued = true;
          const top = open.get(column);
          if (top) top.rowSpan = (top.rowSpan ?? 1) + 1;
        } else if (vMerge) {
          open.set(column, cell);
        } else {
          open.delete(column);
        }
        cells.push(cell);
        column += span;
      }
      rows.push(cells);
    }
    return { kind: 'table', rows };
  }

  /** A cell's paragraphs (and a nested table's rows, cells joined by tabs) as lines. */
  private cellLines(tc: XmlElement): string[] {
    const lines: string[] = [];
    const visit = (nodes: readonly XmlNode[]) => {
      for (const node of nodes) {
        if (typeof node === 'string') continue;
        if (node.name === 'w:p') {
          const { text } = this.readParagraph(node).paragraph;
          if (text !== '') lines.push(text);
        } else if (node.name === 'w:tbl') {
          for (const row of this.readTable(node).rows) lines.push(row.map((cell) => cell.text).join('\t'));
        } else if (node.name === 'w:sdt') {
          visit(child(node, 'w:sdtContent')?.children ?? []);
        } else if (node.name === 'w:customXml') {
          visit(node.children);
        }
      }
    };
    visit(tc.children);
    return lines;
  }
}

/** Children called `name`, also when wrapped in content controls or custom XML. */
function flatten(parent: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (element: XmlElement) => {
    for (const node of element.children) {
      if (typeof node === 'string') continue;
      if (node.name === name) out.push(node);
      else if (node.name === 'w:sdt') {
        const content = child(node, 'w:sdtContent');
        if (content) visit(content);
      } else if (node.name === 'w:customXml') visit(node);
    }
  };
  visit(parent);
  return out;
}

/**
 * How many characters from `skip` on are bold: the run-in lead. Whitespace between two bold runs
 * belongs to the lead; the first run of other text ends it.
 */
function boldPrefix(pieces: readonly Piece[], skip: number): number {
  let offset = 0;
  let bold = 0;
  let pendingSpace = 0;
  for (const piece of pieces) {
    const from = Math.max(0, skip - offset);
    offset += piece.text.length;
    if (from >= piece.text.length) continue;
    const length = piece.text.length - from;
    if (piece.bold) {
      bold += pendingSpace + length;
      pendingSpace = 0;
    } else if (piece.text.slice(from).trim() === '') {
      pendingSpace += length;
    } else {
      break;
    }
  }
  return bold;
}
