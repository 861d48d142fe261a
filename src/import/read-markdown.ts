/**
 * .md → SourceDocument, through the same CommonMark stack the build uses (micromark, GFM tables,
 * CJK-friendly emphasis). It reads this tool's own Markdown whole, frame lines included: those are
 * inline HTML paragraphs (`<p align="center">`, `<font color="red">`), parsed as XML with saxes,
 * not picked apart with patterns. Other Markdown reads as well: headings, paragraphs with a bold
 * lead, lists (their numbers become typed markers), tables, quotes.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmTable } from 'micromark-extension-gfm-table';
import { SaxesParser } from 'saxes';
import { decodeText } from './read-text.js';
import { SourceFormatError } from './source-format-error.js';
import type { SourceBlock, SourceCell, SourceDocument, SourceParagraph } from './source-document.js';

/** The visible text of a node: text, inline code and the text inside emphasis and links. */
function textOf(node: Nodes): string {
  // A loop, not recursion: emphasis and links can nest as deep as a file likes.
  let out = '';
  const pending: Nodes[] = [node];
  while (pending.length > 0) {
    const at = pending.pop()!;
    if (at.type === 'text' || at.type === 'inlineCode') out += at.value;
    else if (at.type === 'break') out += '\n';
    else if (at.type !== 'html' && 'children' in at) {
      const children = at.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
    }
  }
  return out;
}

/**
 * Deeper than any quote or list a document holds. micromark checks every open container on
 * every line, so a file nested thousands deep takes minutes to parse (and the tree it gives is as
 * deep): refused before parsing.
 */
export const MAX_MARKDOWN_NESTING = 32;

/**
 * How many containers a line opens at its start: each `>` and list marker (`-`, `+`, `*`, `1.`,
 * `1)`), and its indentation before them in steps of two columns, as a nested list indents.
 * Lines without a marker open nothing (they continue what is open), so they count 0.
 */
function openedContainers(line: string): number {
  let markers = 0;
  let indent = 0;
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) indent += line[i++] === '\t' ? 4 : 1;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    const c = line[i];
    let end = i;
    if (c === '>') end = i + 1;
    else if (c === '-' || c === '+' || c === '*') end = i + 1;
    else {
      while (end < line.length && end - i < 9 && line[end]! >= '0' && line[end]! <= '9') end++;
      end = end > i && (line[end] === '.' || line[end] === ')') ? end + 1 : i;
    }
    const after = line[end];
    if (end === i || (c !== '>' && after !== undefined && after !== ' ' && after !== '\t')) break;
    markers++;
    i = end;
  }
  return markers === 0 ? 0 : markers + Math.floor(indent / 2);
}

/**
 * Emphasis marks (`*`, `_`) on one line: micromark pairs them by looking back over every open
 * one, so a line of 20,000 takes half a minute. A document's line has a few.
 */
export const MAX_EMPHASIS_MARKS = 1000;

function emphasisMarks(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) if (line[i] === '*' || line[i] === '_') count++;
  return count;
}

/** Refuses Markdown nested deeper than MAX_MARKDOWN_NESTING or with a line of too many emphasis marks, naming the first such line. */
function checkNesting(markdown: string): void {
  // Markdown ends a line at CR LF, LF or a lone CR.
  const lines = markdown.split(/\r\n?|\n/);
  for (const [i, line] of lines.entries()) {
    if (openedContainers(line) > MAX_MARKDOWN_NESTING) {
      throw new SourceFormatError(`第 ${i + 1} 行的引用或列表嵌套超过 ${MAX_MARKDOWN_NESTING} 层，不像一份公文，未导入`);
    }
    if (line.length > MAX_EMPHASIS_MARKS && emphasisMarks(line) > MAX_EMPHASIS_MARKS) {
      throw new SourceFormatError(`第 ${i + 1} 行有超过 ${MAX_EMPHASIS_MARKS} 个强调符号（* 或 _），不像一份公文，未导入`);
    }
  }
}

/** Characters at the start of a paragraph set in bold: the run-in lead `**1.引领句。**正文`. */
function leadingBold(node: Nodes & { children: Nodes[] }): number {
  const first = node.children[0];
  return first?.type === 'strong' ? textOf(first).length : 0;
}

interface HtmlParagraph {
  text: string;
  align?: SourceParagraph['align'];
  red: boolean;
}

/**
 * The `<p align="…">…</p>` lines the build writes for centred and right-aligned lines and the red
 * letterhead. Anything that is not well-formed XML is read as its text without the tags.
 */
function readHtmlParagraphs(html: string): HtmlParagraph[] | undefined {
  const out: HtmlParagraph[] = [];
  const parser = new SaxesParser({ fragment: true });
  let current: HtmlParagraph | undefined;
  let red = 0;
  let failed = false;
  parser.on('opentag', (tag) => {
    const name = tag.name.toLowerCase();
    if (name === 'p') {
      const align = String(tag.attributes['align'] ?? '').toLowerCase();
      current = { text: '', red: false, ...(align === 'center' || align === 'right' || align === 'left' ? { align } : {}) };
    } else if (name === 'font' && /^(red|#f00|#ff0000)$/i.test(String(tag.attributes['color'] ?? ''))) red += 1;
    else if (name === 'br' && current) current.text += '\n';
  });
  parser.on('closetag', (tag) => {
    const name = tag.name.toLowerCase();
    if (name === 'p' && current) {
      out.push(current);
      current = undefined;
    } else if (name === 'font' && red > 0) red -= 1;
  });
  parser.on('text', (text) => {
    if (current) {
      current.text += text;
      if (red > 0 && text.trim()) current.red = true;
    } else if (text.trim()) out.push({ text: text.trim(), red: false });
  });
  parser.on('error', () => {
    failed = true;
  });
  try {
    // HTML's void <br> is not XML: closed here so that saxes reads the line break.
    parser.write(html.replace(/<br\s*>/gi, '<br/>')).close();
  } catch {
    failed = true;
  }
  return failed ? undefined : out;
}

function blocksOf(nodes: readonly RootContent[], out: SourceBlock[], pendingBreak: { value: boolean }): void {
  const push = (block: SourceBlock) => {
    if (pendingBreak.value && block.kind === 'paragraph') block.pageBreakBefore = true;
    pendingBreak.value = false;
    out.push(block);
  };
  for (const node of nodes) {
    const line = node.position?.start.line;
    const at = line === undefined ? {} : { line };
    switch (node.type) {
      case 'heading':
        push({ kind: 'paragraph', text: textOf(node), headingLevel: node.depth - 1, ...(node.depth === 1 ? { title: true } : {}), ...at });
        break;
      case 'paragraph': {
        const onlyHtml = node.children.every((child) => child.type === 'html' || (child.type === 'text' && !child.value.trim()));
        if (onlyHtml) {
          blocksOf([{ type: 'html', value: node.children.map((c) => ('value' in c ? c.value : '')).join('') }], out, pendingBreak);
          break;
        }
        const bold = leadingBold(node);
        push({ kind: 'paragraph', text: textOf(node), ...(bold ? { boldLength: bold } : {}), ...at });
        break;
      }
      case 'html': {
        const paragraphs = readHtmlParagraphs(node.value);
        if (!paragraphs) {
          const text = node.value.replace(/<[^>]*>/g, '').trim();
          if (text) push({ kind: 'paragraph', text, ...at });
          break;
        }
        for (const p of paragraphs) {
          if (!p.text.trim()) continue;
          push({ kind: 'paragraph', text: p.text, ...(p.align ? { align: p.align } : {}), ...(p.red ? { red: true } : {}), ...at });
        }
        break;
      }
      case 'thematicBreak':
        // The build writes a rule where a new page or the 版记 begins.
        pendingBreak.value = true;
        break;
      case 'list': {
        const start = node.start ?? 1;
        node.children.forEach((item, i) => {
          const marker = node.ordered ? `${start + i}.` : '';
          const [first, ...rest] = item.children;
          if (first?.type === 'paragraph') {
            const text = textOf(first);
            push({ kind: 'paragraph', text: marker + text, ...(marker ? { numberLength: marker.length } : {}), ...(first.position ? { line: first.position.start.line } : {}) });
            blocksOf(rest, out, pendingBreak);
          } else blocksOf(item.children, out, pendingBreak);
        });
        break;
      }
      case 'blockquote':
        blocksOf(node.children, out, pendingBreak);
        break;
      case 'table': {
        const rows: SourceCell[][] = node.children.map((row) => row.children.map((cell) => ({ text: textOf(cell) })));
        out.push({ kind: 'table', rows, ...at });
        pendingBreak.value = false;
        break;
      }
      case 'code':
        for (const [k, text] of node.value.split('\n').entries()) {
          if (text.trim()) push({ kind: 'paragraph', text: text.trim(), ...(line === undefined ? {} : { line: line + 1 + k }) });
        }
        break;
      default:
        break;
    }
  }
}

/** Throws SourceFormatError for Markdown that micromark could not parse in reasonable time. */
export function readMarkdownText(markdown: string): SourceBlock[] {
  checkNesting(markdown);
  const tree: Root = fromMarkdown(markdown, {
    extensions: [gfmTable(), cjkFriendlyExtension()],
    mdastExtensions: [gfmTableFromMarkdown()],
  });
  const out: SourceBlock[] = [];
  blocksOf(tree.children, out, { value: false });
  return out;
}

export function readMarkdown(bytes: Uint8Array): SourceDocument {
  const decoded = decodeText(bytes);
  return { format: 'md', blocks: readMarkdownText(decoded.text), removed: [], encoding: decoded.encoding };
}
