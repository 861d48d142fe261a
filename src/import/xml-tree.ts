/**
 * The parts of a .docx as small element trees, parsed by saxes (a conforming XML parser). Names
 * are normalised by namespace, not by the prefix a producer chose: WordprocessingML elements
 * are `w:p`, `w:r` whatever the file calls them (strict OOXML's namespace too), so a document
 * written by another tool reads the same.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { SourceFormatError } from './source-format-error.js';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const PREFIXES: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'pr',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

function qualify(uri: string, local: string): string {
  if (!uri) return local;
  const prefix = PREFIXES[uri];
  return prefix ? `${prefix}:${local}` : `{${uri}}${local}`;
}

/**
 * Deeper than any document Word writes (a table nested in a cell adds three levels; Word stops
 * nesting tables long before this), shallow enough that every walk over the tree, recursive or
 * not, stays small. Refused while parsing: saxes looks a prefix up through every open element,
 * so a file nested 200,000 deep would take minutes before it ever ended.
 */
export const MAX_XML_DEPTH = 512;

/**
 * Parses `xml` into a tree. Text is kept only inside the elements named in `textIn` (w:t and the
 * like): the whitespace between elements is layout, and dropping it keeps a large document small.
 */
export function parseXml(xml: string, textIn: ReadonlySet<string>): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let keepText = 0;
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs[qualify(attr.uri, attr.local)] = attr.value;
    }
    if (stack.length > MAX_XML_DEPTH) {
      throw new SourceFormatError(`XML 元素嵌套超过 ${MAX_XML_DEPTH} 层（第 ${parser.line} 行），不像正常的 Word 文档，未导入`);
    }
    const element: XmlElement = { name: qualify(tag.uri, tag.local), attrs, children: [] };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
    if (textIn.has(element.name)) keepText++;
  });
  parser.on('closetag', () => {
    const element = stack.pop()!;
    if (textIn.has(element.name)) keepText--;
  });
  const onText = (text: string) => {
    if (keepText > 0) stack[stack.length - 1]!.children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof SourceFormatError) throw error;
    throw new SourceFormatError(`XML 格式有误（${error instanceof Error ? error.message.split('\n')[0] : String(error)}）`);
  }
  return root;
}

/** The first child element called `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const node of element.children) if (typeof node !== 'string' && node.name === name) return node;
  return undefined;
}

/** Every child element called `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of element.children) if (typeof node !== 'string' && node.name === name) out.push(node);
  return out;
}

/** The element's text children, joined. */
export function textOf(element: XmlElement): string {
  let out = '';
  for (const node of element.children) if (typeof node === 'string') out += node;
  return out;
}

/** `w:val` of a child such as `<w:jc w:val="center"/>`. */
export function valOf(element: XmlElement | undefined, name: string): string | undefined {
  return child(element, name)?.attrs['w:val'];
}

/**
 * A number the file gives (a start, a span, a size), as an integer held to [min, max]: every
 * number read from a package goes through here, so none can grow a counter, a string or a loop
 * without bound. Undefined when it is not an integer at all.
 */
export function boundedInteger(value: string | undefined, min: number, max: number): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) ? Math.min(Math.max(n, min), max) : undefined;
}

/**
 * An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): true, false, or undefined when absent, so
 * a style below can still decide.
 */
export function toggleOf(element: XmlElement | undefined, name: string): boolean | undefined {
  const found = child(element, name);
  if (!found) return undefined;
  const val = found.attrs['w:val'];
  return val === undefined || !['0', 'false', 'off', 'none'].includes(val);
}
