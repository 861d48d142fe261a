/** emit: the table of a document as CSV for Excel: UTF-8 with a BOM (so Excel reads Chinese), RFC 4180 quoting. */
import { stringify } from 'csv-stringify/sync';
import type { Block } from '../markdown/blocks.js';

export function emitCsv(blocks: readonly Block[]): string {
  const table = blocks.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
  if (!table) throw new Error('这个文稿里没有表格，不能输出 CSV');
  return `\uFEFF${stringify([table.header, ...table.rows], { record_delimiter: 'windows' })}`;
}
