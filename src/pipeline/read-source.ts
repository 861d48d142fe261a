/**
 * import's file side: a path (or `-`, standard input) → SourceDocument, with web noise removed.
 * The format is sniffed from the bytes first (a zip is a .docx, an OLE2 compound file is an old
 * .doc or a password-protected .docx, anything else is text), the extension only decides between
 * text and Markdown. Every file-level problem is a UsageError in Chinese (exit 2): missing or
 * unreadable, empty, too large (refused from its size before it is read), a .doc, an encrypted
 * .docx, a corrupt zip, a binary file.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readDocx } from '../import/read-docx.js';
import { readMarkdown } from '../import/read-markdown.js';
import { readText } from '../import/read-text.js';
import { removeWebNoise } from '../import/remove-web-noise.js';
import type { SourceDocument } from '../import/source-document.js';
import { SourceFormatError } from '../import/source-format-error.js';
import { STDIN_NAME, STDIN_PATH } from '../plan/load-plan.js';
import { describeFsError } from '../system/fs-errors.js';
import { UsageError } from '../usage-error.js';
import { isWorkbookZip, readCsvSource, readWorkbookSource } from './read-workbook.js';

/** Larger than any document an office writes by hand; refused before it is read. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/**
 * An encrypted .docx is an OLE2 file holding the zip as a stream named EncryptedPackage; the
 * name is in the compound file's directory in UTF-16LE. A .doc has no such stream.
 */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

export type SourceFormat = 'docx' | 'xlsx' | 'csv' | 'txt' | 'md';

/**
 * Which reader takes these bytes. Throws UsageError for the formats that cannot be imported,
 * naming the file as `shown`.
 */
export function sniffFormat(bytes: Uint8Array, file: string, shown: string, textFormat?: 'txt' | 'md'): SourceFormat {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return isWorkbookZip(bytes) ? 'xlsx' : 'docx';
  if (startsWith(bytes, OLE2)) {
    if (isEncryptedPackage(bytes)) {
      throw new UsageError(`“${shown}”设有打开密码（已加密），无法导入：请在 Word/WPS 中取消密码后另存为 .docx，再导入`);
    }
    if (/\.xls$/i.test(file)) throw new UsageError(`“${shown}”是旧版 Excel 文件（.xls），无法直接导入：请用 Excel/WPS 另存为 .xlsx（或 CSV）后再导入`);
    throw new UsageError(`“${shown}”是旧版 Word 文档（.doc）或其他旧版 Office 文件，无法直接导入：请用 Word/WPS 另存为 .docx 后再导入`);
  }
  if (startsWith(bytes, PDF)) throw new UsageError(`“${shown}”是 PDF 文件，无法导入：请用原稿的 .docx，或把文字复制到 .txt 文件后导入`);
  if (startsWith(bytes, RTF)) throw new UsageError(`“${shown}”是 RTF 文件，无法直接导入：请用 Word/WPS 另存为 .docx 后再导入`);
  if (textFormat) return textFormat;
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  return extension === '.md' || extension === '.markdown' ? 'md' : 'txt';
}

/** A stream to its end, refused once it passes the size bound. */
async function readStream(stream: AsyncIterable<Uint8Array>, shown: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > MAX_SOURCE_BYTES) throw new UsageError(`“${shown}”过大（超过 ${MAX_SOURCE_BYTES / 1024 / 1024} MB），不像是一份公文，未导入`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readBytes(file: string, shown: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw new UsageError(describeFsError(error, 'read', shown));
  }
  if (info.isDirectory()) throw new UsageError(`无法读取“${shown}”：这是一个目录，不是文件`);
  if (info.size > MAX_SOURCE_BYTES) {
    throw new UsageError(
      `“${shown}”过大（${(info.size / 1024 / 1024).toFixed(1)} MB），超过 ${MAX_SOURCE_BYTES / 1024 / 1024} MB，不像是一份公文，未导入`,
    );
  }
  try {
    // A pipe or device (`<(…)`, /dev/stdin) has no size to check first: read it under the bound.
    return info.isFile() ? await readFile(file) : await readStream(createReadStream(file), shown);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(describeFsError(error, 'read', shown));
  }
}

export interface ReadSourceOptions {
  /** The bytes, when the caller already has them (standard input read elsewhere, tests). */
  bytes?: Uint8Array;
  /** Standard input for `-` (default process.stdin). */
  stdin?: AsyncIterable<Uint8Array>;
  /**
   * How to read text that is not a .docx when the name cannot say (standard input has none):
   * `md` or `txt`. A .docx, .doc or encrypted file is still recognised by its bytes.
   */
  textFormat?: 'txt' | 'md';
}

/**
 * Reads one source for `workplan import`: `file` is a path or `-`; the bytes may be given instead
 * of read (then `file` only names them and hints at the format). The document comes back without
 * its web noise; what was removed is in `removed`.
 */
export async function readSource(file: string, given: ReadSourceOptions | Uint8Array = {}): Promise<SourceDocument> {
  const options: ReadSourceOptions = given instanceof Uint8Array ? { bytes: given } : given;
  const piped = file === STDIN_PATH;
  const shown = piped ? STDIN_NAME : path.relative(process.cwd(), file) || file;
  let bytes = options.bytes;
  if (bytes === undefined && piped && !options.stdin && process.stdin.isTTY) {
    process.stderr.write('正在从标准输入读取要导入的文稿，输入完毕按 Ctrl-D\n');
  }
  if (bytes === undefined) bytes = piped ? await readStream(options.stdin ?? process.stdin, shown) : await readBytes(file, shown);
  else if (bytes.length > MAX_SOURCE_BYTES) throw new UsageError(`“${shown}”过大，超过 ${MAX_SOURCE_BYTES / 1024 / 1024} MB，未导入`);
  if (bytes.length === 0) throw new UsageError(`“${shown}”是空文件，没有可导入的内容`);
  const format = sniffFormat(bytes, file, shown, options.textFormat);
  let doc: SourceDocument;
  try {
    doc =
      format === 'docx'
        ? readDocx(bytes)
        : format === 'xlsx'
          ? await readWorkbookSource(bytes, shown)
          : format === 'csv'
            ? readCsvSource(bytes, shown)
            : format === 'md'
              ? readMarkdown(bytes)
              : readText(bytes);
  } catch (error) {
    if (error instanceof SourceFormatError) throw new UsageError(`无法导入“${shown}”：${error.message}`);
    throw error;
  }
  // A workbook is the office's own file, not a page copied from the web: nothing in it is noise.
  const cleaned = format === 'xlsx' || format === 'csv' ? doc : removeWebNoise(doc);
  if (cleaned.blocks.length === 0) {
    throw new UsageError(`“${shown}”中没有可导入的文字${cleaned.removed.length ? `（${cleaned.removed.length} 行网页杂项已去掉）` : ''}`);
  }
  return cleaned;
}
