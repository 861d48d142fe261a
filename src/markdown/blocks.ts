/** The small set of typed blocks every emitter consumes. */

/** How the 发文机关标志 is printed: red, its space left blank on pre-printed paper, or not at all. */
export const LETTERHEAD_MODES = ['red', 'preprinted', 'none'] as const;
export type LetterheadMode = (typeof LETTERHEAD_MODES)[number];
/** The modes that put a letterhead block into the document. */
export type PrintedLetterhead = Exclude<LetterheadMode, 'none'>;

/** A tracked change of a redline (`build --redline`): text inserted or deleted, as Word's 修订 shows it. */
export type Change = 'ins' | 'del';

export interface Run {
  text: string;
  bold?: boolean;
  /** Redline only: the run is an insertion or a deletion. */
  change?: Change;
}

/**
 * Only a redline (compare/redline-blocks.ts) sets these, and only the .docx emitter reads them:
 * `runs` is the text with its tracked changes (`text` stays what the new version reads), `mark`
 * says the whole paragraph was inserted or deleted (its paragraph mark too).
 */
export interface Revisable {
  runs?: Run[];
  mark?: Change;
}

/** A table row's tracked changes in a redline: each cell's runs, and the row itself inserted or deleted. */
export interface RowChange {
  cells: Run[][];
  mark?: Change;
}

export type Block =
  | ({ type: 'title'; text: string } & Revisable)
  | ({ type: 'heading'; level: 1 | 2 | 3 | 4; text: string } & Revisable)
  | { type: 'paragraph'; runs: Run[]; mark?: Change }
  /**
   * `changes`, in a redline only: one per row of `rows` (which then holds the deleted rows too);
   * `headerChange` when the whole table was inserted or deleted, its header row with it.
   */
  | { type: 'table'; header: string[]; rows: string[][]; changes?: RowChange[]; headerChange?: RowChange }
  /** A flush-left line: 主送机关, or a speech's salutation. */
  | ({ type: 'flush'; text: string } & Revisable)
  | { type: 'signature'; signature: string; date: string; seal: boolean; changes?: { signature: Run[]; date: Run[] } }
  /**
   * 发文机关标志: one issuer, or joint issuers (host first); `suffix` is 文件 set at the right of
   * joint names, or ''. `preprinted` leaves its space on pre-printed paper.
   */
  | { type: 'letterhead'; names: string[]; suffix: string; mode: PrintedLetterhead }
  /** 发文字号, with 签发人 for documents sent upward, above the red separator. */
  | { type: 'docnumber'; number: string; signers: string[]; mode: PrintedLetterhead }
  /** 附注: in parentheses, one line below the date. */
  | ({ type: 'note'; text: string } & Revisable)
  /** 版记: 抄送, 印发机关 and 印发日期 between rules, at the foot of an even last page. */
  | { type: 'imprint'; cc: string; printedBy: string; printedOn: string }
  | { type: 'attachments'; items: string[] }
  | { type: 'byline'; lines: string[] }
  | { type: 'pagebreak' }
  /** Starts a new page section in this orientation (the task table lies landscape). */
  | { type: 'section'; orientation: 'portrait' | 'landscape' }
  /** The head of an attachment page: 附件1 on line 1, its title centred on line 3. */
  /** `mark`, in a redline only: the whole attachment head inserted or deleted (an attachment added or removed). */
  | { type: 'attachment'; label: string; title: string; mark?: Change };

/** The word that may follow joint issuers' names in a 发文机关标志. */
const LETTERHEAD_SUFFIX = '文件';

/**
 * Joint issuers with “文件” (GB/T 9704 §7.2.1): the plan lists the names, host first, and ends
 * the list with 文件. One issuer's “……文件” is its name as written.
 */
export function letterheadBlock(issuers: readonly string[], mode: PrintedLetterhead): Extract<Block, { type: 'letterhead' }> {
  const joint = issuers.length >= 3 && issuers[issuers.length - 1] === LETTERHEAD_SUFFIX;
  return { type: 'letterhead', names: joint ? issuers.slice(0, -1) : [...issuers], suffix: joint ? LETTERHEAD_SUFFIX : '', mode };
}

export type TableBlock = Extract<Block, { type: 'table' }>;

/**
 * A table row with text in its first cell only is a heading across the table (the 分工表's
 * section rows, 一、…): emitters span it over every column.
 */
export const isSectionRow = (cells: readonly string[]): boolean => cells.length > 1 && cells[0] !== '' && cells.slice(1).every((c) => c === '');

/** The document's table, for the table-only formats (CSV, Excel). */
export function findTable(blocks: readonly Block[], format: string): TableBlock {
  const table = blocks.find((b): b is TableBlock => b.type === 'table');
  if (!table) throw new Error(`这个文稿里没有表格，不能输出 ${format}`);
  return table;
}
