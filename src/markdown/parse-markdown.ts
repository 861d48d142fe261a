/**
 * parse: the Markdown a template produced → Blocks.
 * micromark does the CommonMark work (with GFM tables, and CJK-friendly emphasis so that
 * `**引领句。**正文` is bold as a 文秘 means it); this file only maps the tree to Blocks and
 * rejects what the subset does not allow.
 */
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmTable } from 'micromark-extension-gfm-table';
import { type Block, letterheadBlock, type PrintedLetterhead, type Run } from './blocks.js';

export class MarkdownSubsetError extends Error {
  override name = 'MarkdownSubsetError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const NODE_NAMES: Record<string, string> = {
  list: '列表',
  blockquote: '引用',
  html: 'HTML',
  image: '图片',
  link: '链接',
  thematicBreak: '分隔线',
  code: '代码块',
  definition: '链接定义',
};

function parseTree(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfmTable(), cjkFriendlyExtension()],
    mdastExtensions: [gfmTableFromMarkdown()],
  });
}

export function parseMarkdown(markdown: string): Block[] {
  return parseTree(markdown).children.flatMap(toBlocks);
}

function toBlocks(node: RootContent): Block[] {
  const line = node.position?.start.line ?? 0;
  switch (node.type) {
    case 'heading': {
      const text = plainText(node.children);
      if (node.depth === 1) return [{ type: 'title', text }];
      return [{ type: 'heading', level: (node.depth - 1) as 1 | 2 | 3 | 4, text }];
    }
    case 'paragraph':
      return [{ type: 'paragraph', runs: toRuns(node.children) }];
    case 'table': {
      const [head, ...body] = node.children.map((row) => row.children.map((cell) => plainText(cell.children)));
      return [{ type: 'table', header: head ?? [], rows: body }];
    }
    case 'code': {
      // The fences the subset knows are the cases below; any other falls through to the error.
      if (!node.lang) break;
      // Fence lines are read with the same escaping rules as any other template line.
      const lines = node.value
        .split('\n')
        .map((l) => inlineText(l))
        .filter((l) => l.length > 0);
      switch (node.lang) {
        case 'recipients':
        case 'salutation':
          return [{ type: 'flush', text: lines.join('') }];
        case 'signature':
          return [{ type: 'signature', signature: lines[0] ?? '', date: lines[1] ?? '', seal: node.meta === 'seal' }];
        case 'letterhead':
          return [letterheadBlock(lines, printedLetterhead(node.meta, line))];
        case 'docnumber':
          return [{ type: 'docnumber', number: lines[0] ?? '', signers: lines.slice(1), mode: printedLetterhead(node.meta, line) }];
        case 'note':
          return [{ type: 'note', text: lines.join('') }];
        case 'imprint': {
          const cc = lines[0]?.startsWith('抄送：') ? lines.shift()! : '';
          return [{ type: 'imprint', cc, printedBy: lines[0] ?? '', printedOn: lines[1] ?? '' }];
        }
        case 'attachments':
          return [{ type: 'attachments', items: lines }];
        case 'byline':
          return [{ type: 'byline', lines }];
        case 'pagebreak':
          return [{ type: 'pagebreak' }];
        case 'landscape':
        case 'portrait':
          return [{ type: 'section', orientation: node.lang }];
        case 'attachment':
          return [{ type: 'attachment', label: lines[0] ?? '', title: lines[1] ?? '' }];
      }
      break;
    }
    default:
      break;
  }
  const what = node.type === 'code' ? `代码块“${(node as { lang?: string | null }).lang ?? ''}”` : (NODE_NAMES[node.type] ?? node.type);
  throw new MarkdownSubsetError(`模板生成的 Markdown 第 ${line} 行含有不支持的结构：${what}（见 templates/README.md 的 Markdown 子集）`, line);
}

/** A letterhead fence's mode: red when none is given; any other word is a template mistake. */
function printedLetterhead(meta: string | null | undefined, line: number): PrintedLetterhead {
  if (!meta || meta === 'red') return 'red';
  if (meta === 'preprinted') return 'preprinted';
  throw new MarkdownSubsetError(`模板生成的 Markdown 第 ${line} 行：红头方式“${meta}”无效，应为 red 或 preprinted`, line);
}

/** One line of escaped Markdown → its literal text. */
function inlineText(line: string): string {
  const tree = parseTree(line);
  const first = tree.children[0];
  if (!first) return '';
  if (first.type !== 'paragraph') return line.trim();
  return plainText(first.children);
}

function toRuns(children: PhrasingContent[]): Run[] {
  const runs: Run[] = [];
  const push = (text: string, bold: boolean) => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && Boolean(last.bold) === bold) last.text += text;
    else runs.push(bold ? { text, bold } : { text });
  };
  const walk = (nodes: PhrasingContent[], bold: boolean) => {
    for (const n of nodes) {
      if (n.type === 'strong') walk(n.children, true);
      else if (n.type === 'emphasis' || n.type === 'delete') walk(n.children, bold);
      else if (n.type === 'text' || n.type === 'inlineCode') push(n.value, bold);
      else if (n.type === 'break') push('\n', bold);
      else {
        const line = n.position?.start.line ?? 0;
        throw new MarkdownSubsetError(`模板生成的 Markdown 第 ${line} 行含有不支持的结构：${NODE_NAMES[n.type] ?? n.type}`, line);
      }
    }
  };
  walk(children, false);
  return runs;
}

function plainText(children: readonly Nodes[]): string {
  let out = '';
  for (const n of children) {
    if ('value' in n && typeof n.value === 'string') out += n.value;
    else if ('children' in n) out += plainText(n.children as Nodes[]);
  }
  return out;
}
