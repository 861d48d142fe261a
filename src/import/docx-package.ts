/**
 * The .docx container: which zip entries hold the document, its styles and its numbering. The
 * main part is found through the package relationships (_rels/.rels), as the OPC standard says,
 * with Word's usual names as the fallback. Only the parts the reader needs are inflated, each
 * under a size bound and all of them under one more, so a zip bomb cannot fill memory: fflate
 * inflates an entry into a buffer of the size its directory declares and never past it, so the
 * declared sizes, counted before anything is inflated, bound what inflating can produce.
 *
 * A part is text in the encoding its XML declaration names (UTF-8 unless it says otherwise, or
 * UTF-16 with its byte order mark), decoded by iconv-lite; a name it does not know is refused.
 */
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { SourceFormatError } from './source-format-error.js';
import { type XmlElement, childrenNamed, parseXml } from './xml-tree.js';

/**
 * No document part comes near this (the document.xml of a 500-page report is a few MB); a zip
 * bomb does. Held well under the 50 MB a .txt source may have, because the XML is parsed into a
 * tree and every paragraph recognized: a 24 MB part of small paragraphs (300,000 of them) imports
 * in seconds within a few hundred MB of memory.
 */
const MAX_PART_BYTES = 24 * 1024 * 1024;
/** All the parts read from one package together. */
const MAX_TOTAL_BYTES = 36 * 1024 * 1024;

export interface DocxParts {
  document: string;
  styles?: string;
  numbering?: string;
  /** Comments (批注), word/comments.xml. */
  comments?: string;
}

const MB = 1024 * 1024;

/** The parts of one package as they are inflated, with the bytes they took so far. */
class PackageReader {
  private total = 0;

  constructor(private readonly bytes: Uint8Array) {}

  inflate(wanted: ReadonlySet<string>): Record<string, Uint8Array> {
    try {
      return unzipSync(this.bytes, {
        filter: (file) => {
          if (!wanted.has(file.name)) return false;
          if (file.originalSize > MAX_PART_BYTES) {
            throw new SourceFormatError(
              `文件中的“${file.name}”解压后有 ${(file.originalSize / MB).toFixed(0)} MB，超过 ${MAX_PART_BYTES / MB} MB，不像正常的 Word 文档，未导入`,
            );
          }
          this.total += file.originalSize;
          if (this.total > MAX_TOTAL_BYTES) {
            throw new SourceFormatError(`文件解压后的正文、样式和编号部分合计超过 ${MAX_TOTAL_BYTES / MB} MB，不像正常的 Word 文档，未导入`);
          }
          return true;
        },
      });
    } catch (error) {
      if (error instanceof SourceFormatError) throw error;
      throw new SourceFormatError('文件已损坏，不是完整的 .docx（zip）压缩包；请在 Word/WPS 中打开后重新另存为 .docx');
    }
  }
}

/** The encoding an XML declaration names, read from its ASCII bytes (XML 1.0 appendix F). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 256)).toString('latin1');
  return /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head)?.[1];
}

const REWRITE_AS_DOCX = '请在 Word/WPS 中打开后重新另存为 .docx';

/** A part's bytes as text: by its byte order mark, else by its XML declaration (UTF-8 when silent). */
function decode(bytes: Uint8Array, name: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf-16le', { stripBOM: false });
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), 'utf-16be', { stripBOM: false });
  // UTF-16 without a mark still starts with “<?” in its byte order.
  if (buffer[0] === 0x3c && buffer[1] === 0x00 && buffer[2] === 0x3f && buffer[3] === 0x00) return iconv.decode(buffer, 'utf-16le');
  if (buffer[0] === 0x00 && buffer[1] === 0x3c && buffer[2] === 0x00 && buffer[3] === 0x3f) return iconv.decode(buffer, 'utf-16be');
  const utf8Mark = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  const body = utf8Mark ? buffer.subarray(3) : buffer;
  const declared = declaredEncoding(body)?.toLowerCase();
  if (declared === undefined || declared === 'utf-8' || declared === 'utf8' || utf8Mark) {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      throw new SourceFormatError(`文件中的“${name}”不是有效的 UTF-8 文字（其中有不成字的字节），无法导入；${REWRITE_AS_DOCX}`);
    }
  }
  if (declared.startsWith('utf-16') || declared === 'ucs-2') {
    throw new SourceFormatError(`文件中的“${name}”声明为 ${declared.toUpperCase()} 编码，但开头没有字节顺序标记，无法可靠读取；${REWRITE_AS_DOCX}`);
  }
  if (!iconv.encodingExists(declared)) {
    throw new SourceFormatError(`文件中的“${name}”声明的字符编码“${declared}”无法识别，未导入；${REWRITE_AS_DOCX}`);
  }
  return iconv.decode(body, declared);
}

interface Relationship {
  type: string;
  target: string;
}

function relationships(xml: string | undefined): Relationship[] {
  if (xml === undefined) return [];
  const root = parseXml(xml, new Set());
  const rels = root.children.find((n): n is XmlElement => typeof n !== 'string');
  if (!rels) return [];
  return childrenNamed(rels, 'pr:Relationship').flatMap((rel) => {
    const { Type: type, Target: target, TargetMode: mode } = rel.attrs;
    return type && target && mode !== 'External' ? [{ type, target }] : [];
  });
}

/** `word/document.xml` + `styles.xml` → `word/styles.xml`; a leading slash is the package root. */
function resolvePart(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** The XML of the main document part and of its styles, numbering and comments parts. */
export function readDocxParts(bytes: Uint8Array): DocxParts {
  const reader = new PackageReader(bytes);
  const text = (parts: Record<string, Uint8Array>, name: string) => {
    const part = parts[name];
    return part && decode(part, name);
  };
  const packageRels = reader.inflate(new Set(['_rels/.rels']));
  const main = relationships(text(packageRels, '_rels/.rels')).find((r) => OFFICE_DOCUMENT.test(r.type))?.target;
  const documentPath = main ? resolvePart('', main) : 'word/document.xml';
  const documentRels = relsPathOf(documentPath);
  const first = reader.inflate(new Set([documentPath, documentRels, 'word/document.xml']));
  const documentName = first[documentPath] ? documentPath : 'word/document.xml';
  const document = text(first, documentName);
  if (document === undefined) {
    throw new SourceFormatError('这不是 Word 文档（.docx）：压缩包中没有正文部分 word/document.xml');
  }
  const partRels = relationships(text(first, documentRels));
  const target = (kind: string, fallback: string) => {
    const rel = partRels.find((r) => r.type.endsWith(`/${kind}`));
    return rel ? resolvePart(documentPath, rel.target) : fallback;
  };
  const stylesPath = target('styles', 'word/styles.xml');
  const numberingPath = target('numbering', 'word/numbering.xml');
  const commentsPath = target('comments', 'word/comments.xml');
  const rest = reader.inflate(new Set([stylesPath, numberingPath, commentsPath]));
  const styles = text(rest, stylesPath);
  const numbering = text(rest, numberingPath);
  const comments = text(rest, commentsPath);
  return {
    document,
    ...(styles ? { styles } : {}),
    ...(numbering ? { numbering } : {}),
    ...(comments ? { comments } : {}),
  };
}
