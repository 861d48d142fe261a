/**
 * Word's comments (批注) of a .docx: who wrote each, what it says, and the paragraph it is
 * anchored in (w:commentRangeStart or w:commentReference with the comment's id). The import does
 * not put comments into the plan; `import --onto` lists them so the writer sees what the leader
 * asked for. Walked with a stack, as every tree of the import is.
 */
import { type XmlElement, type XmlNode, parseXml } from './xml-tree.js';
import type { SourceComment } from './source-document.js';

const COMMENT_TEXT: ReadonlySet<string> = new Set(['w:t']);

/** Every comment of `commentsXml`, in the order of the part, with the text of the paragraph it stands in. */
export function readComments(commentsXml: string | undefined, document: XmlElement): SourceComment[] {
  if (commentsXml === undefined) return [];
  const anchors = anchorsOf(document);
  const out: SourceComment[] = [];
  for (const comment of descendants(parseXml(commentsXml, COMMENT_TEXT), 'w:comment')) {
    const id = comment.attrs['w:id'];
    const text = paragraphsText(comment).join('\n').trim();
    if (!text) continue;
    const author = comment.attrs['w:author'];
    const anchor = id === undefined ? undefined : anchors.get(id);
    out.push({ text, ...(author ? { author } : {}), ...(anchor ? { anchor } : {}) });
  }
  return out;
}

/** The text of the paragraph each comment id is anchored in (its w:t, deleted text not counted). */
function anchorsOf(document: XmlElement): Map<string, string> {
  const anchors = new Map<string, string>();
  for (const paragraph of descendants(document, 'w:p')) {
    const ids = [...descendants(paragraph, 'w:commentRangeStart'), ...descendants(paragraph, 'w:commentReference')].flatMap((e) =>
      e.attrs['w:id'] !== undefined ? [e.attrs['w:id']] : [],
    );
    if (!ids.length) continue;
    const text = textOf(paragraph).replace(/\u2060/g, '').trim();
    for (const id of ids) if (!anchors.has(id)) anchors.set(id, text);
  }
  return anchors;
}

function paragraphsText(element: XmlElement): string[] {
  return descendants(element, 'w:p').map((p) => textOf(p));
}

/** The text of w:t under `element`, in document order. */
function textOf(element: XmlElement): string {
  let out = '';
  const stack: XmlNode[] = [...element.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') continue;
    if (node.name === 'w:t') {
      for (const c of node.children) if (typeof c === 'string') out += c;
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/** The elements named `name` under `root` (not inside another of the same name), in document order. */
function descendants(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (typeof node === 'string') continue;
    if (node.name === name) {
      out.push(node);
      if (name !== 'w:commentRangeStart' && name !== 'w:commentReference') continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}
