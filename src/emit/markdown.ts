/**
 * emit: Blocks → Markdown for people and GitHub. Headings carry the computed numbers. A bold lead
 * sentence is `**…。**正文`: CommonMark's flanking rules alone would not close that `**` (punctuation
 * before, a letter after); the CJK-friendly rule our parser uses (as markdown-it and micromark
 * offer it) does. Centred and right-aligned lines and the red 发文机关标志 stay inline HTML, which
 * has no Markdown equivalent.
 */
import { type DocumentLabels, HANS_LABELS } from './labels.js';
import type { Block, Run } from '../markdown/blocks.js';
import { escapeMarkdown } from '../text/escape-markdown.js';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const WHITESPACE = /\s/u;

function runsToMarkdown(runs: readonly Run[]): string {
  let out = '';
  for (const run of runs) {
    if (!run.bold) {
      out += escapeMarkdown(run.text, { atLineStart: out === '' });
      continue;
    }
    const text = escapeMarkdown(run.text, { atLineStart: false });
    // `**` cannot open after or close before a space; such a run keeps the HTML tag.
    const edges = WHITESPACE.test(run.text[0] ?? ' ') || WHITESPACE.test(run.text[run.text.length - 1] ?? ' ');
    out += edges ? `<strong>${text}</strong>` : `**${text}**`;
  }
  return out;
}

export function emitMarkdown(blocks: readonly Block[], labels: DocumentLabels = HANS_LABELS): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'title':
        parts.push(`# ${escapeMarkdown(block.text)}`);
        break;
      case 'heading':
        parts.push(`${'#'.repeat(block.level + 1)} ${escapeMarkdown(block.text)}`);
        break;
      case 'paragraph':
        parts.push(runsToMarkdown(block.runs));
        break;
      case 'flush':
        parts.push(escapeMarkdown(block.text));
        break;
      case 'signature':
        parts.push([block.signature, block.date].filter(Boolean).map((l) => `<p align="right">${escapeHtml(l)}</p>`).join('\n'));
        break;
      case 'letterhead':
        if (block.mode === 'red') {
          const { names, suffix } = block;
          // Joint names with 文件: the names stacked, 文件 after them, as near as HTML in Markdown gets.
          if (suffix) parts.push(`<p align="center"><font color="red">${names.map(escapeHtml).join('<br>')}　${escapeHtml(suffix)}</font></p>`);
          else parts.push(names.map((l) => `<p align="center"><font color="red">${escapeHtml(l)}</font></p>`).join('\n'));
        }
        break;
      case 'docnumber':
        parts.push(`<p align="center">${escapeHtml([block.number, ...block.signers.map((s, i) => `${i === 0 ? labels.signer : ''}${s}`)].join('　'))}</p>\n\n---`);
        break;
      case 'note':
        parts.push(`（${escapeMarkdown(block.text, { atLineStart: false })}）`);
        break;
      case 'imprint':
        parts.push(['---', block.cc && escapeMarkdown(block.cc), `${escapeMarkdown(block.printedBy)}　${escapeMarkdown(block.printedOn, { atLineStart: false })}`].filter(Boolean).join('\n\n'));
        break;
      case 'attachments':
        parts.push(
          block.items
            .map((item, i) => `${i === 0 ? labels.attachments : '　　　'}${block.items.length > 1 ? `${i + 1}\\.` : ''}${escapeMarkdown(item)}`)
            .join('  \n'),
        );
        break;
      case 'byline':
        parts.push(block.lines.map((l) => `<p align="center">${escapeHtml(l)}</p>`).join('\n'));
        break;
      case 'pagebreak':
        parts.push('---');
        break;
      case 'section':
        break;
      case 'attachment':
        parts.push(`---\n\n${escapeMarkdown(block.label)}\n\n## ${escapeMarkdown(block.title)}`);
        break;
      case 'table': {
        const row = (cells: string[]) => `| ${cells.map((cell) => escapeMarkdown(cell)).join(' | ')} |`;
        parts.push([row(block.header), `|${block.header.map(() => ' --- ').join('|')}|`, ...block.rows.map(row)].join('\n'));
        break;
      }
    }
  }
  return `${parts.join('\n\n')}\n`;
}
