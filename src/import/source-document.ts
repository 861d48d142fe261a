/**
 * A document as `workplan import` reads it, whatever its format: paragraphs and tables in
 * reading order. The readers (.docx, .txt, .md) produce it; the recognizer turns it into a plan.
 * Keeping this shape small is what lets the three readers and the one recognizer change apart.
 */

export interface SourceParagraph {
  kind: 'paragraph';
  /**
   * The text a reader of the document sees, numbering included: Word's automatic numbering
   * (numbering.xml) is turned back into the text it shows, such as “（一）” or “1.”.
   */
  text: string;
  /** Characters at the start of `text` that came from automatic numbering (0 or absent when typed). */
  numberLength?: number;
  /** Characters of `text`, after the numbering, set in bold: a run-in lead sentence. */
  boldLength?: number;
  /**
   * When the bold lead does not start right after the numbering: the regular-weight characters
   * before it, at most 8 (a typed number such as “1.” or “（十二）” left unbolded). The lead is
   * then `text.slice(numberLength + boldFrom, numberLength + boldFrom + boldLength)`. Absent: 0.
   * Set by the .docx reader.
   */
  boldFrom?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Outline level from the paragraph's style or outlineLvl (0 = Heading 1), when the source says. */
  headingLevel?: number;
  /** The largest font size in the paragraph, in points, when the source says. */
  fontSize?: number;
  /** The paragraph's text is red (a letterhead). */
  red?: boolean;
  /** The paragraph starts a new page (a page break or a section break before it). */
  pageBreakBefore?: boolean;
  /**
   * The paragraph has Word's Title style (`Title`, in Chinese Word and WPS also `标题`): the
   * document's title as the author marked it. Set by the .docx reader.
   */
  title?: boolean;
  /** 1-based line in a text source, for messages. */
  line?: number;
}

export interface SourceCell {
  text: string;
  /** Grid columns the cell spans (1 when absent). */
  colSpan?: number;
  /**
   * Rows the cell spans when it starts a vertical merge (w:vMerge restart): 1 or absent for an
   * ordinary cell. The rows below hold a `continued` cell in its place.
   */
  rowSpan?: number;
  /**
   * The cell continues the merged cell above it (w:vMerge): it stays in the row, so cells keep
   * their columns, with empty text; the text is the starting cell's.
   */
  continued?: boolean;
}

export interface SourceTable {
  kind: 'table';
  rows: SourceCell[][];
  line?: number;
}

export type SourceBlock = SourceParagraph | SourceTable;

/** A comment (批注) in the source, with the paragraph it is anchored in. */
export interface SourceComment {
  text: string;
  author?: string;
  /** The text of the paragraph the comment marks, when the source says. */
  anchor?: string;
}

export interface SourceDocument {
  format: 'docx' | 'xlsx' | 'csv' | 'txt' | 'md';
  blocks: SourceBlock[];
  /**
   * The encoding a text source was decoded from (detected: BOM, strict UTF-8, else GB18030,
   * which covers GBK), for a message such as “按 GB18030（GBK）解码”. Absent for .docx.
   */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** Lines the reader removed as web noise (source lines, banners, 字数, hidden-content notices), for stderr. */
  removed: string[];
  /**
   * What the reader met but did not read (a footnote's text lives outside document.xml, a
   * workbook's other sheets and hidden rows), each said where it stands, for stderr: nothing is
   * skipped unsaid.
   */
  skipped?: string[];
  /** Comments (批注) of a .docx, not part of the text: `import --onto` lists them. */
  comments?: SourceComment[];
}
