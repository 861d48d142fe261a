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
 * (their displayed result is kept) and tables of contents (TOC fields repeat the headings),
 * drawings (a text box's paragraphs are read, after the paragraph that anchors it), headers and
 * footers (page numbers), footnotes, and the characters that
 * only steer line breaking (U+2060, U+200B, U+FEFF), which this tool's own .docx puts between a
 * figure and its unit.
 */
import type { SourceBlock, SourceCell, SourceDocument, SourceTable } from './source-document.js';
import { readComments } from './docx-comments.js';
import { readDocxParts } from './docx-package.js';
import { readNumbering } from './docx-numbering.js';
import { type ParagraphContext, type ReadParagraph, readParagraph } from './docx-paragraph.js';
import { readStyles } from './docx-styles.js';
import { SourceFormatError } from './source-format-error.js';
import { type XmlElement, type XmlNode, boundedInteger, child, parseXml, valOf } from './xml-tree.js';

/** Word's tables have at most 63 columns; a span or an offset is held to that. */
const MAX_COLUMNS = 63;
const NO_TEXT: ReadonlySet<string> = new Set();
const DOCUMENT_TEXT: ReadonlySet<string> = new Set(['w:t', 'w:instrText']);

/** Reads a .docx. Throws SourceFormatError for a file that is not a readable .docx. */
export function readDocx(bytes: Uint8Array): SourceDocument {
  const parts = readDocxParts(bytes);
  const styles = readStyles(parts.styles !== undefined ? parseXml(parts.styles, NO_TEXT) : undefined);
  const numbering = readNumbering(parts.numbering !== undefined ? parseXml(parts.numbering, NO_TEXT) : undefined, styles);
  const root = parseXml(parts.document, DOCUMENT_TEXT);
  const body = child(child(root, 'w:document'), 'w:body');
  if (!body) throw new SourceFormatError('这不是 Word 文档（.docx）：正文部分没有 w:body');
  const reader = new BodyReader({ styles, numbering, fields: [] });
  const blocks = reader.read(body);
  const comments = readComments(parts.comments, root);
  return { format: 'docx', blocks, removed: [], ...(reader.skipped.length ? { skipped: reader.skipped } : {}), ...(comments.length ? { comments } : {}) };
}

class BodyReader {
  private readonly blocks: SourceBlock[] = [];
  /** What could not be read, said where it stands. */
  readonly skipped: string[] = [];
  private pendingBreak = false;
  /** Block index where each section after the first starts, and every section's w:type. */
  private readonly sectionStarts: number[] = [];
  private readonly sectionTypes: (string | undefined)[] = [];

  constructor(private readonly context: ParagraphContext) {}

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
          this.addParagraph(readParagraph(node, this.context));
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
    if (read.notes > 0) {
      const at = paragraph.text.slice(0, 20);
      this.skipped.push(`“${at}${paragraph.text.length > 20 ? '…' : ''}”一段有 ${read.notes} 个脚注或尾注，注文没有读取，请对照原件`);
    }
    // A text box's paragraphs follow the paragraph that anchors it: where a reader meets them.
    for (const box of read.textBoxes) this.readBlocks(box.children);
    if (read.section) {
      this.sectionTypes.push(valOf(read.section, 'w:type'));
      this.sectionStarts.push(this.blocks.length);
    }
  }


  private readTable(tbl: XmlElement): SourceTable {
    const rows: SourceCell[][] = [];
    /** The cell a vertical merge started in, by grid column. */
    const open = new Map<number, SourceCell>();
    for (const tr of flatten(tbl, 'w:tr')) {
      const trPr = child(tr, 'w:trPr');
      let column = boundedInteger(valOf(trPr, 'w:gridBefore'), 0, MAX_COLUMNS) ?? 0;
      const cells: SourceCell[] = [];
      for (const tc of flatten(tr, 'w:tc')) {
        const tcPr = child(tc, 'w:tcPr');
        const span = boundedInteger(valOf(tcPr, 'w:gridSpan'), 1, MAX_COLUMNS) ?? 1;
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
          const { text } = readParagraph(node, this.context).paragraph;
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
