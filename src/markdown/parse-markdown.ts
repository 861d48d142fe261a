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

/** One parse of the whole text. `parseMarkdown` gives the same Blocks (a test holds it to that). */
export function parseMarkdownAtOnce(markdown: string): Block[] {
  return parseTree(markdown).children.flatMap(toBlocks);
}

/** Table rows per parse when a long table is cut: enough that the cuts cost nothing, few enough that one parse stays small. */
const ROWS_PER_PARSE = 500;
const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Blocks of the Markdown, parsed a piece at a time when a table is long. micromark keeps an
 * event for every token of its input until the tree is built, about 800 bytes per character of
 * a table: the 10,000-row 分工表 held some 650 MB at once. A long table is cut between rows, each
 * piece repeats the header and delimiter rows (a table row is parsed on its own), and the pieces'
 * rows are joined again, so the Blocks are the same as from one parse.
 */
export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.split('\n');
  if (lines.length <= ROWS_PER_PARSE) return parseMarkdownAtOnce(markdown);
  const pieces: string[][] = [[]];
  let head: string[] | null = null;
  let rows = 0;
  for (const [i, line] of lines.entries()) {
    const piece = pieces[pieces.length - 1]!;
    if (head && line.startsWith('|')) {
      if (rows === ROWS_PER_PARSE) {
        pieces.push([...head]);
        rows = 0;
      }
      pieces[pieces.length - 1]!.push(line);
      rows += 1;
      continue;
    }
    head = null;
    piece.push(line);
    const prev = lines[i - 1];
    if (i > 0 && prev!.startsWith('|') && line.startsWith('|') && DELIMITER_ROW.test(line)) {
      head = [prev!, line];
      rows = 0;
    }
  }
  if (pieces.length === 1) return parseMarkdownAtOnce(markdown);
  const blocks: Block[] = [];
  for (const [k, piece] of pieces.entries()) {
    let own: Block[];
    try {
      own = parseMarkdownAtOnce(piece.join('\n'));
    } catch (error) {
      // A piece's line numbers are not the document's: the whole parse reports the problem.
      if (error instanceof MarkdownSubsetError) return parseMarkdownAtOnce(markdown);
      throw error;
    }
    pieces[k] = [];
    if (k > 0) {
      // The piece began with the repeated header: its first block continues the previous table.
      const last = blocks[blocks.length - 1];
      const first = own.shift();
      if (last?.type !== 'table' || first?.type !== 'table') return parseMarkdownAtOnce(markdown);
      for (const row of first.rows) last.rows.push(row);
    }
    for (const block of own) blocks.push(block);
  }
  return blocks;
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
