/**
 * The .docx container: which zip entries hold the document, its styles and its numbering. The
 * main part is found through the package relationships (_rels/.rels), as the OPC standard says,
 * with Word's usual names as the fallback. Only the parts the reader needs are inflated, each
 * under a size bound, so a zip bomb cannot fill memory.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SourceFormatError } from './source-format-error.js';
import { type XmlElement, childrenNamed, parseXml } from './xml-tree.js';

/** No real document part comes near this once inflated; a zip bomb does. */
const MAX_PART_BYTES = 512 * 1024 * 1024;

export interface DocxParts {
  document: string;
  styles?: string;
  numbering?: string;
}

function inflate(bytes: Uint8Array, wanted: ReadonlySet<string>): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (file) => {
        if (!wanted.has(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) throw new SourceFormatError(`文件中的“${file.name}”解压后过大，不像正常的 Word 文档`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof SourceFormatError) throw error;
    throw new SourceFormatError('文件已损坏，不是完整的 .docx（zip）压缩包；请在 Word/WPS 中打开后重新另存为 .docx');
  }
}

function decode(bytes: Uint8Array): string {
  // Parts are UTF-8 by the standard; a BOM is allowed and is not text.
  const text = strFromU8(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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

/** The XML of the main document part and of its styles and numbering parts. */
export function readDocxParts(bytes: Uint8Array): DocxParts {
  const packageRels = inflate(bytes, new Set(['_rels/.rels']));
  const main =
    relationships(packageRels['_rels/.rels'] && decode(packageRels['_rels/.rels'])).find((r) => OFFICE_DOCUMENT.test(r.type))?.target;
  const documentPath = main ? resolvePart('', main) : 'word/document.xml';
  const documentRels = relsPathOf(documentPath);
  const first = inflate(bytes, new Set([documentPath, documentRels, 'word/document.xml']));
  const documentBytes = first[documentPath] ?? first['word/document.xml'];
  if (!documentBytes) {
    throw new SourceFormatError('这不是 Word 文档（.docx）：压缩包中没有正文部分 word/document.xml');
  }
  const partRels = relationships(first[documentRels] && decode(first[documentRels]));
  const target = (kind: string, fallback: string) => {
    const rel = partRels.find((r) => r.type.endsWith(`/${kind}`));
    return rel ? resolvePart(documentPath, rel.target) : fallback;
  };
  const stylesPath = target('styles', 'word/styles.xml');
  const numberingPath = target('numbering', 'word/numbering.xml');
  const rest = inflate(bytes, new Set([stylesPath, numberingPath]));
  return {
    document: decode(documentBytes),
    ...(rest[stylesPath] ? { styles: decode(rest[stylesPath]) } : {}),
    ...(rest[numberingPath] ? { numbering: decode(rest[numberingPath]) } : {}),
  };
}
