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
import type { SourceBlock, SourceCell, SourceDocument, SourceParagraph } from './source-document.js';

/** The visible text of a node: text, inline code and the text inside emphasis and links. */
function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  if (node.type === 'html') return '';
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
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

export function readMarkdownText(markdown: string): SourceBlock[] {
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
