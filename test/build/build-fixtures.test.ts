/**
 * Golden build folders: test/fixtures/build/<case>/plan.yaml (+ options.json) → expected.md and
 * expected-document.xml (word/document.xml with one paragraph a line, so a diff is readable).
 * UPDATE_GOLDEN=1 rewrites them; review the diff before committing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitMarkdown } from '../../src/emit/markdown.js';
import type { Block } from '../../src/markdown/blocks.js';
import { parseMarkdown } from '../../src/markdown/parse-markdown.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { chooseScript } from '../../src/pipeline/plan-script.js';
import { publishAs } from '../publish.js';
import { mainDocument } from '../../src/pipeline/documents.js';
import { renderDocument } from '../../src/pipeline/render-document.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, type TemplateSet } from '../../src/render/render-template.js';
import { expectGolden, ROOT } from '../helpers.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'build');
const cases = readdirSync(DIR).filter((n) => existsSync(path.join(DIR, n, 'plan.yaml'))).sort();

/** One paragraph (or table row) a line: the XML stays exact, the diff stays readable. */
/** The blocks the .md writes in plain Markdown (no HTML): these read back to the same Blocks. */
export const MARKDOWN_BODY: readonly Block['type'][] = ['title', 'heading', 'paragraph', 'table'];

export function readableDocumentXml(docx: Uint8Array): string {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  return `${xml.replace(/<w:(p|tr|sectPr)\b/g, '\n<w:$1')}\n`;
}

describe('build fixtures', () => {
  let templates: TemplateSet;
  beforeAll(async () => {
    templates = await loadTemplateSet([BUILTIN_TEMPLATES]);
  });

  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(3));

  for (const name of cases) {
    it(name, async () => {
      const folder = path.join(DIR, name);
      const { loaded, diagnostics } = parsePlan('plan.yaml', readFileSync(path.join(folder, 'plan.yaml')));
      expect(diagnostics).toEqual([]);
      const options = existsSync(path.join(folder, 'options.json'))
        ? (JSON.parse(readFileSync(path.join(folder, 'options.json'), 'utf8')) as { owners: boolean; tasks?: boolean })
        : { owners: false };
      const plan = loaded!.plan;
      // As build does: a plan in 繁体 gets the tool's words in 繁体.
      const script = await chooseScript(plan);
      const rendered = renderDocument(plan, mainDocument(plan), templates, { ...options, script });
      const { blocks } = rendered;
      const md = await publishAs(rendered, 'md', script);
      expect(md).toBe(expectGolden(path.join(folder, 'expected.md'), md));
      // The body of the .md reads back through our own parser to the same Blocks, bold leads included.
      const body = blocks.filter((b) => MARKDOWN_BODY.includes(b.type));
      expect(body.some((b) => b.type === 'paragraph' && b.runs.some((r) => r.bold)) || ['long-title', 'v2-unnumbered'].includes(name)).toBe(true);
      expect(parseMarkdown(emitMarkdown(body))).toEqual(body);
      expect(md).not.toContain('<strong>');
      const docx = await publishAs(rendered, 'docx', script);
      const xml = readableDocumentXml(docx);
      expect(xml).toBe(expectGolden(path.join(folder, 'expected-document.xml'), xml));
      if (options.tasks) {
        // The task table too, where the case is about its columns.
        const tasks = await publishAs(renderDocument(plan, 'tasks', templates, { ...options, script }), 'md', script);
        expect(tasks).toBe(expectGolden(path.join(folder, 'expected-tasks.md'), tasks));
      }
    });
  }
});
