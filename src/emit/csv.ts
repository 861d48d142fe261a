/** emit: the table of a document as CSV for Excel: UTF-8 with a BOM (so Excel reads Chinese), RFC 4180 quoting. */
import { stringify } from 'csv-stringify/sync';
import { type Block, findTable } from '../markdown/blocks.js';

export function emitCsv(blocks: readonly Block[]): string {
  const table = findTable(blocks, 'CSV');
  return `\uFEFF${stringify([table.header, ...table.rows], { record_delimiter: 'windows' })}`;
}
