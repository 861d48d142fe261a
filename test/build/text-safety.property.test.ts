/**
 * Text safety: whatever a plan says comes out as text, verbatim, in both outputs. Random strings
 * full of Markdown and Handlebars syntax go into every text field; the Markdown (read back by a
 * CommonMark parser) and word/document.xml must both contain each one exactly.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmTable } from 'micromark-extension-gfm-table';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitDocx } from '../../src/emit/docx/emit-docx.js';
import { emitMarkdown } from '../../src/emit/markdown.js';
import { parseMarkdown } from '../../src/markdown/parse-markdown.js';
import type { Plan } from '../../src/plan/model.js';
import { renderDocument } from '../../src/pipeline/render-document.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, type TemplateSet } from '../../src/render/render-template.js';

const PIECES = [
  '#', '# ', '*', '**', '_', '__', '`', '```', '|', '<', '>', '<b>', '</p>', '[', ']', '[x](y)', '{', '}', '{{', '}}',
  '{{title}}', '{{> measure}}', '\\', '\\*', '&', '&amp;', '&#42;', '!', '~', '~~', '- ', '+ ', '1. ', '2) ', '=',
  '---', ':', '：', '。', '，', '“', '”', '中', '统战', '工作', 'a', 'Z', '0', '9', '.', ' ', '  ', '%', '$', '@',
  // What the package's own rewriting looks for: relationship ids (a word like “ride” was once
  // renamed rIdW1) and the placeholder of deferred runs.
  'ride', 'rIdQx', '"', "'", '<w:workplanDeferred w:n="0"/>',
];
const textArb = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join('').trim())
  .filter((s) => /\S/.test(s));

function markdownText(markdown: string): string[] {
  const tree = fromMarkdown(markdown, { extensions: [gfmTable(), cjkFriendlyExtension()], mdastExtensions: [gfmTableFromMarkdown()] });
  const blocks: string[] = [];
  const collect = (node: Nodes): string => {
    if (node.type === 'html') {
      // The emitter writes only <p align> (and <strong> for a bold run with spaces at its edges) around HTML-escaped text.
      return node.value.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    }
    if ('value' in node && typeof node.value === 'string') return node.value;
    if ('children' in node) return (node.children as Nodes[]).map(collect).join('');
    return '';
  };
  for (const child of tree.children) blocks.push(collect(child));
  return blocks;
}

/** Every table of a Markdown text, as rows of cell texts, read by a GFM parser. */
function markdownTables(markdown: string): string[][][] {
  const tree = fromMarkdown(markdown, { extensions: [gfmTable(), cjkFriendlyExtension()], mdastExtensions: [gfmTableFromMarkdown()] });
  const text = (node: Nodes): string =>
    'value' in node && typeof node.value === 'string' ? node.value : 'children' in node ? (node.children as Nodes[]).map(text).join('') : '';
  return tree.children.flatMap((node) => (node.type === 'table' ? [node.children.map((row) => row.children.map(text))] : []));
}

/**
 * Each paragraph's text in word/document.xml. The .docx adds one thing to the plan's text, on
 * purpose: U+2060 WORD JOINER between a digit and the Han character after it (emit/docx/runs.ts
 * keeps a figure with its unit on one line). It must stand nowhere else; taken out, the text is
 * the plan's, verbatim.
 */
function documentXmlText(docx: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  const decode = (s: string) =>
    s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return xml.split('</w:p>').map((p) => {
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');
    expect(text, 'a joiner only between a figure (or a unit) and its unit').not.toMatch(/(?<![0-9\p{Script=Han}])\u2060|\u2060(?!\p{Script=Han})/u);
    return text.replaceAll('\u2060', '');
  });
}

describe('text safety (property)', () => {
  let templates: TemplateSet;
  beforeAll(async () => {
    templates = await loadTemplateSet([BUILTIN_TEMPLATES]);
  });

  it('every text field comes out verbatim in the Markdown and in word/document.xml', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(textArb, { minLength: 14, maxLength: 14 }), async (t) => {
        const plan: Plan = {
          title: t[0]!,
          date: '2025-01-10',
          recipients: [t[1]!],
          guidance: t[2]!,
          sections: [
            {
              title: t[3]!,
              intro: t[4]!,
              sections: [{ title: t[5]!, measures: [{ title: t[6]!, text: t[7]! }] }],
              measures: [{ title: t[8]!, text: t[9]!, lead: t[10]!, responsible: [t[11]!] }],
            },
          ],
          conclusion: t[12]!,
          signature: t[13]!,
        };
        const { blocks } = renderDocument(plan, 'opinion', templates, { owners: true });
        const md = markdownText(emitMarkdown(blocks)).join('\n');
        // The .md body reads back through our own parser to the very same Blocks.
        const body = blocks.filter((b) => ['title', 'heading', 'paragraph', 'table'].includes(b.type));
        expect(parseMarkdown(emitMarkdown(body))).toEqual(body);
        const docx = await emitDocx(blocks, { title: plan.title, creator: 'test', date: new Date(0), pageNumbers: 'outside' });
        const xml = documentXmlText(docx).join('\n');
        for (const s of t) {
          expect(md, `Markdown lost “${s}”`).toContain(s);
          expect(xml, `document.xml lost “${s}”`).toContain(s);
        }
        // Structure comes only from the template: exactly the headings it writes.
        expect(blocks.filter((b) => b.type === 'heading').map((b) => b.type === 'heading' && b.level)).toEqual([1, 2]);
      }),
      { numRuns: 60 },
    );
  });

  it('every task-table cell keeps its text: in the table Block, in the .md table and in word/document.xml', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(textArb, { minLength: 8, maxLength: 8 }), async (t) => {
        const plan: Plan = {
          title: '表格测试',
          date: '2025-01-10',
          sections: [
            {
              title: '第一部分',
              measures: [
                { title: t[0]!, lead: t[1]!, responsible: [t[2]!, t[3]!] },
                { title: t[4]!, lead: t[5]!, responsible: [t[6]!], targets: [{ name: t[7]!, value: 3, unit: '个' }] },
              ],
            },
          ],
        };
        const { blocks } = renderDocument(plan, 'tasks', templates, { owners: false });
        const table = blocks.find((b) => b.type === 'table');
        if (table?.type !== 'table') throw new Error('no table');
        // A cell that split or merged would move every later cell: compare whole rows.
        const expected = [
          [t[0]!, t[1]!, `${t[2]!}、${t[3]!}`],
          [t[4]!, t[5]!, t[6]!],
        ];
        expect(table.rows.map((row) => row.slice(1, 4))).toEqual(expected);
        expect(table.rows.map((row) => row.length)).toEqual([table.header.length, table.header.length]);
        expect(table.rows[1]![table.header.length - 1]).toContain(t[7]!);

        const [mdTable] = markdownTables(emitMarkdown(blocks));
        expect(mdTable, 'the .md table reads back as the Block table').toEqual([table.header, ...table.rows]);

        const docx = await emitDocx(blocks, { title: plan.title, creator: 'test', date: new Date(0), pageNumbers: 'outside' });
        const xml = documentXmlText(docx).join('\n');
        for (const cell of table.rows.flat()) expect(xml, `document.xml lost “${cell}”`).toContain(cell);
      }),
      { numRuns: 60 },
    );
  });
});
