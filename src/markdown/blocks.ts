/** The small set of typed blocks every emitter consumes. */

export interface Run {
  text: string;
  bold?: boolean;
}

export type Block =
  | { type: 'title'; text: string }
  | { type: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'table'; header: string[]; rows: string[][] }
  /** A flush-left line: 主送机关, or a speech's salutation. */
  | { type: 'flush'; text: string }
  | { type: 'signature'; signature: string; date: string; seal: boolean }
  /** 发文机关标志: one issuer, or joint issuers; `preprinted` leaves its space on pre-printed paper. */
  | { type: 'letterhead'; issuers: string[]; mode: 'red' | 'preprinted' }
  /** 发文字号, with 签发人 for documents sent upward, above the red separator. */
  | { type: 'docnumber'; number: string; signers: string[]; mode: 'red' | 'preprinted' }
  /** 附注: in parentheses, one line below the date. */
  | { type: 'note'; text: string }
  /** 版记: 抄送, 印发机关 and 印发日期 between rules, at the foot of an even last page. */
  | { type: 'imprint'; cc: string; printedBy: string; printedOn: string }
  | { type: 'attachments'; items: string[] }
  | { type: 'byline'; lines: string[] }
  | { type: 'pagebreak' }
  /** Starts a new page section in this orientation (the task table lies landscape). */
  | { type: 'section'; orientation: 'portrait' | 'landscape' }
  /** The head of an attachment page: 附件1 on line 1, its title centred on line 3. */
  | { type: 'attachment'; label: string; title: string };

export type TableBlock = Extract<Block, { type: 'table' }>;

/** The document's table, for the table-only formats (CSV, Excel). */
export function findTable(blocks: readonly Block[], format: string): TableBlock {
  const table = blocks.find((b): b is TableBlock => b.type === 'table');
  if (!table) throw new Error(`这个文稿里没有表格，不能输出 ${format}`);
  return table;
}
