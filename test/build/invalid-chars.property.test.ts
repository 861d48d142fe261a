/**
 * No output carries a character XML 1.0 cannot (whatever `invalid-char` is set to): random text
 * full of control characters, noncharacters and lone surrogates, mixed with Chinese and Markdown
 * syntax, goes into every text field of a plan and into an attachment file; every XML part of the
 * .docx and .xlsx must then be well-formed to a strict parser (saxes enforces the XML 1.0 Char
 * production, a fatal UTF-8 decoder catches lone surrogates), and no output holds any of them.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitCsv } from '../../src/emit/csv.js';
import { emitDocx } from '../../src/emit/docx/emit-docx.js';
import { emitMarkdown } from '../../src/emit/markdown.js';
import { emitXlsx } from '../../src/emit/xlsx.js';
import type { Plan } from '../../src/plan/model.js';
import type { DocumentId } from '../../src/pipeline/documents.js';
import { renderDocument } from '../../src/pipeline/render-document.js';
import { publishAs } from '../publish.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, type TemplateSet } from '../../src/render/render-template.js';
import { findInvalidChars, hasInvalidChars, removeInvalidChars } from '../../src/text/invalid-chars.js';

const INVALID = [
  '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001B', '\u001F', '\u007F', '\u0080', '\u0085', '\u009F',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFDD0', '\uFDEF', '\uFFFE', '\uFFFF', '\u{1FFFE}', '\u{10FFFF}',
];
const ORDINARY = [
  '中', '统战', '工作', '同心', '，', '。', '“', '”', '《', '》', '#', '# ', '*', '**', '_', '`', '|', '<', '>', '&', '&amp;',
  '- ', '1. ', '\\', '[', ']', '{{', '}}', ' ', 'a', 'Z', '9', '😀', '𠀀', '\uFFFD', '\u3000',
];
const textArb = fc
  .array(fc.oneof(fc.constantFrom(...INVALID), fc.constantFrom(...ORDINARY)), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.join('').trim())
  // Plans need visible text (the model refuses a blank string); what is left after cleaning must show.
  .filter((s) => /[\p{L}\p{N}]/u.test(removeInvalidChars(s)));

/** An attachment file is Markdown the writer owns: plain prose (structure outside the subset is refused). */
const attachmentArb = fc
  .array(fc.oneof(fc.constantFrom(...INVALID), fc.constantFrom('中', '统战', '，', '。', '9', 'a', ' ')), { minLength: 1, maxLength: 14 })
  .map((parts) => `附件正文${parts.join('')}`);

const FIELDS = 40;

function planOf(t: readonly string[]): Plan {
  let k = 0;
  const next = () => t[k++ % t.length]!;
  const target = next();
  return {
    title: next(),
    issuer: next(),
    letterhead: next(),
    signers: [next()],
    number: next(),
    date: '2025-01-10',
    recipients: [next(), next()],
    guidance: `${next()}\n${next()}`,
    sections: [
      {
        title: next(),
        intro: next(),
        speechTitle: next(),
        sections: [{ title: next(), measures: [{ title: next(), text: next(), lead: next() }] }],
        measures: [
          {
            title: next(),
            text: `${next()}\n${next()}`,
            lead: next(),
            responsible: [next()],
            due: '年底前',
            targets: [{ name: target, value: 3, unit: next() }],
            progress: { status: 'done', result: next(), values: { [target]: 2, [next()]: 1 } },
            speech: next(),
          },
        ],
      },
    ],
    conclusion: next(),
    attachments: ['tasks', { title: next(), file: 'a.md' }],
    signature: next(),
    note: next(),
    cc: [next()],
    printedBy: next(),
    printedOn: '2025-01-12',
    speech: { title: next(), meeting: next(), speaker: next(), date: '2025-12-20', salutation: next(), opening: next(), closing: next() },
  };
}

/** Fails with the part's name and the parser's message when an XML part is not well-formed XML 1.0. */
function parseStrictly(name: string, bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const parser = new SaxesParser({ xmlns: true });
  const errors: string[] = [];
  parser.on('error', (e) => errors.push(e.message));
  parser.write(text).close();
  expect(errors, name).toEqual([]);
  return text;
}

/** Every XML part of an OOXML package, strictly parsed; the text of all of them. */
function packageParts(zip: Uint8Array): string[] {
  const parts = Object.entries(unzipSync(zip)).filter(([name]) => /\.(xml|rels)$/.test(name));
  expect(parts.length).toBeGreaterThan(3);
  return parts.map(([name, bytes]) => parseStrictly(name, bytes));
}

const show = (s: string) => findInvalidChars(s).map((c) => c.codePoint.toString(16)).join(' ');

describe('characters XML cannot carry never reach an output (property)', () => {
  let templates: TemplateSet;
  beforeAll(async () => {
    templates = await loadTemplateSet([BUILTIN_TEMPLATES]);
  });

  it('the generated text really holds them, and only the listed pieces are invalid', () => {
    expect(INVALID.every((c) => hasInvalidChars(`中${c}文`))).toBe(true);
    expect(ORDINARY.some((c) => hasInvalidChars(c))).toBe(false);
    const samples = fc.sample(textArb, { numRuns: 200, seed: 1 });
    expect(samples.filter(hasInvalidChars).length).toBeGreaterThan(100);
  });

  it('opinion, tasks and speech: every XML part of the .docx and .xlsx parses strictly; .md and .csv hold none', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(textArb, { minLength: FIELDS, maxLength: FIELDS }), attachmentArb, async (t, attachment) => {
        const plan = planOf(t);
        const options = { owners: true, letterhead: 'red' as const, attachmentFiles: new Map([['a.md', `${attachment}\n\n${attachment}`]]) };
        for (const doc of ['opinion', 'tasks', 'speech'] satisfies DocumentId[]) {
          // Through the publishing stage, the one place every command's documents are cleaned.
          const rendered = renderDocument(plan, doc, templates, options);
          const docx = await publishAs(rendered, 'docx');
          for (const xml of packageParts(docx)) expect(show(xml), `${doc}.docx`).toBe('');
          const md = await publishAs(rendered, 'md');
          expect(show(md), `${doc}.md`).toBe('');
          if (doc === 'speech') continue;
          const xlsx = await publishAs(rendered, 'xlsx');
          for (const xml of packageParts(xlsx)) expect(show(xml), `${doc}.xlsx`).toBe('');
          expect(show(await publishAs(rendered, 'csv')), `${doc}.csv`).toBe('');
        }
        // Cleaning removes those characters and nothing else: the conclusion's visible text is all there.
        const docx = await publishAs(renderDocument(plan, 'opinion', templates, options), 'docx');
        const body = strFromU8(unzipSync(docx)['word/document.xml']!);
        const visible = (s: string) => [...removeInvalidChars(s)].filter((c) => /[\p{Script=Han}\p{N}]/u.test(c)).join('');
        const bodyText = visible(body.replace(/<[^>]+>/g, ''));
        expect(bodyText).toContain(visible(plan.conclusion!));
      }),
      { numRuns: 15 },
    );
  });
});
