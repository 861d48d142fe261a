/**
 * emit: the table of a document as CSV for Excel: UTF-8 with a BOM (so Excel reads Chinese), RFC 4180 quoting,
 * and cells Excel would run as a formula neutralised.
 */
import { stringify } from 'csv-stringify/sync';
import { type Block, findTable } from '../markdown/blocks.js';

/** A signed figure such as `-5`, `+3.5` or `-10%`: Excel reads it as a number, not a formula, so it stays as written. */
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?%?$/;

export function emitCsv(blocks: readonly Block[]): string {
  const table = findTable(blocks, 'CSV');
  const csv = stringify([table.header, ...table.rows], {
    record_delimiter: 'windows',
    // OWASP (CSV injection): a cell starting with = + - @, a tab or a CR gets a leading apostrophe (the library's
    // escape_formulas, which also knows the full-width signs Excel folds); a plain number keeps its sign.
    escape_formulas: true,
    // A line break inside a cell is quoted, or it would end the row (the library quotes one only with its default delimiter).
    quote_record_delimiter: true,
    cast: { string: (value) => (PLAIN_NUMBER.test(value) ? { value, escape_formulas: false } : value) },
  });
  return `\uFEFF${csv}`;
}
