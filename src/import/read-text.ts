/**
 * Plain text → SourceDocument. The encoding is detected, not asked for: a byte-order mark first
 * (UTF-8, UTF-16 LE/BE), then strict UTF-8 (text that is valid UTF-8 is almost never anything
 * else), else GB18030, which also reads every GBK and GB2312 file. Decoding is iconv-lite's and
 * the platform's TextDecoder; nothing here is a hand-written decoder.
 *
 * One paragraph per non-empty line, with its 1-based line number. Leading and trailing white
 * space (the full-width spaces of an indented first line) is indentation, not text; no other
 * character is ever dropped.
 *
 * Tables: a run of two or more lines is read as a table when it is clearly one (see
 * `tableRows`): tab-separated lines with the same number (three or more) of cells, as Word and
 * spreadsheets paste them, or `| a | b |` lines with a `|---|---|` delimiter row below the first,
 * as Markdown and many web pages write them. The delimiters are structure and do not come back.
 */
import iconv from 'iconv-lite';
import type { SourceBlock, SourceDocument, SourceTable } from './source-document.js';
import { SourceFormatError } from './source-format-error.js';

export type TextEncoding = NonNullable<SourceDocument['encoding']>;

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const BINARY_MESSAGE = '不是文本文件（含有文本中不会出现的字节），或用了无法识别的编码；Word 文档请存为 .docx 再导入';

/** C0 control characters a text file does not hold: not tab, line feed, form feed, carriage return, or Ctrl-Z at the end. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u0019\u001b-\u001f\u007f]/;

/**
 * Bytes → text, with the encoding detected. A file that is not text in any of these encodings
 * (NUL bytes outside UTF-16, or sequences GB18030 cannot read) throws SourceFormatError.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let decoded: DecodedText;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: strictUtf8(bytes.subarray(3)) ?? fail(), encoding: 'utf-8' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: iconv.decode(buffer.subarray(2), 'utf-16le', { stripBOM: false }), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: iconv.decode(buffer.subarray(2), 'utf-16be', { stripBOM: false }), encoding: 'utf-16be' };
  } else {
    if (bytes.includes(0)) fail();
    const utf8 = strictUtf8(bytes);
    if (utf8 === undefined) refuseDamagedUtf8(bytes);
    decoded = utf8 !== undefined ? { text: utf8, encoding: 'utf-8' } : { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030' };
    // GB18030 reads almost any byte pair; what it cannot read it marks with U+FFFD.
    if (decoded.encoding === 'gb18030' && decoded.text.includes('\ufffd')) fail();
  }
  if (CONTROL.test(decoded.text.replace(/\u001a+$/, ''))) fail();
  return decoded;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-8 text with a few broken bytes (a file cut mid-character, a bad copy) would read as GB18030
 * into garbage without a word. Text in GBK reads as UTF-8 with errors almost everywhere; when
 * the errors are rare among many good characters, the file is damaged UTF-8, and the user hears
 * where.
 */
function refuseDamagedUtf8(bytes: Uint8Array): void {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let good = 0;
  let bad = 0;
  let firstBad = -1;
  for (let i = 0; i < lenient.length; i++) {
    const code = lenient.charCodeAt(i);
    if (code === 0xfffd) {
      bad++;
      if (firstBad < 0) firstBad = i;
    } else if (code > 0x7f) {
      good++;
    }
  }
  if (good >= 20 && bad * 50 <= good) {
    const line = lenient.slice(0, firstBad).split(LINE_BREAK).length;
    throw new SourceFormatError(`文件是 UTF-8 编码，但有 ${bad} 处无法识别的字节（第一处在第 ${line} 行），可能已经损坏：请在编辑器中检查该处后另存为 UTF-8`);
  }
}

function fail(): never {
  throw new SourceFormatError(BINARY_MESSAGE);
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const DELIMITER_CELL = /^\s*:?-{3,}:?\s*$/;

function pipeCells(line: string): string[] {
  return line.trim().slice(1, -1).split('|').map((cell) => cell.trim());
}

function tabCells(line: string): string[] {
  return line.split('\t').map((cell) => cell.trim());
}

/**
 * The table that starts at `lines[start]`, and how many lines it takes; undefined when the lines
 * there are not clearly a table. A pair of numbered headings with a tab after the number
 * (`一、\t总体要求`) has two cells a line, which is why tab tables need three.
 */
function tableRows(lines: readonly string[], start: number): { rows: string[][]; length: number } | undefined {
  const first = lines[start]!;
  if (PIPE_ROW.test(first)) {
    const header = pipeCells(first);
    const delimiter = lines[start + 1];
    if (header.length < 2 || delimiter === undefined || !PIPE_ROW.test(delimiter)) return undefined;
    const marks = pipeCells(delimiter);
    if (marks.length !== header.length || !marks.every((cell) => DELIMITER_CELL.test(cell))) return undefined;
    const rows = [header];
    let next = start + 2;
    while (next < lines.length && PIPE_ROW.test(lines[next]!) && pipeCells(lines[next]!).length === header.length) {
      rows.push(pipeCells(lines[next]!));
      next++;
    }
    return { rows, length: next - start };
  }
  if (!first.includes('\t')) return undefined;
  const width = tabCells(first).length;
  if (width < 3 || first.trim() === '') return undefined;
  let next = start + 1;
  const rows = [tabCells(first)];
  while (next < lines.length && lines[next]!.includes('\t') && lines[next]!.trim() !== '' && tabCells(lines[next]!).length === width) {
    rows.push(tabCells(lines[next]!));
    next++;
  }
  return rows.length >= 2 ? { rows, length: next - start } : undefined;
}

/** Decoded text → blocks, one paragraph per non-empty line. */
export function readTextLines(text: string): SourceBlock[] {
  const lines = text.split(LINE_BREAK);
  const blocks: SourceBlock[] = [];
  for (let i = 0; i < lines.length; ) {
    const table = tableRows(lines, i);
    if (table) {
      const block: SourceTable = { kind: 'table', rows: table.rows.map((row) => row.map((cell) => ({ text: cell }))), line: i + 1 };
      blocks.push(block);
      i += table.length;
      continue;
    }
    const content = lines[i]!.trim();
    if (content !== '') blocks.push({ kind: 'paragraph', text: content, line: i + 1 });
    i++;
  }
  return blocks;
}

/** Reads a text file. Throws SourceFormatError for bytes that are not text. */
export function readText(bytes: Uint8Array): SourceDocument {
  const { text, encoding } = decodeText(bytes);
  return { format: 'txt', encoding, blocks: readTextLines(text), removed: [] };
}
