/**
 * Import's promise on this tool's own output: for every example plan and every build fixture,
 * build to .md and to .docx, import each back, build again — the second build's Markdown equals
 * the first's. The whole chain runs in process through the engine the CLI uses.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocuments } from '../../src/pipeline/build-documents.js';
import { publishDocument } from '../../src/pipeline/publish-documents.js';
import { resolveBuildOptions } from '../../src/pipeline/build-options.js';
import { checkPlans } from '../../src/pipeline/check-plans.js';
import { importDocuments } from '../../src/pipeline/import-documents.js';
import { ROOT } from '../helpers.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'build');
const sources = [
  ...readdirSync(path.join(ROOT, 'plans'))
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => path.join(ROOT, 'plans', n)),
  ...readdirSync(FIXTURES)
    .map((n) => path.join(FIXTURES, n, 'plan.yaml'))
    .filter((f) => existsSync(f)),
];

/** The plan's own document in one format, as bytes (a text format as a string). */
async function build(file: string, format: 'md' | 'docx'): Promise<string | Uint8Array> {
  const checked = await checkPlans([file]);
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const built = await buildDocuments(checked.plans, resolveBuildOptions({ to: format, output: mkdtempSync(path.join(tmpdir(), 'wp-rt-out-')) }));
  expect(built.diagnostics).toEqual([]);
  expect(built.publications).toHaveLength(1);
  return publishDocument(built.publications[0]!, format);
}

describe('import round trip on our own output', () => {
  it('covers the examples and the fixtures', () => expect(sources.length).toBeGreaterThanOrEqual(15));

  for (const source of sources) {
    const name = path.relative(ROOT, source);
    for (const format of ['md', 'docx'] as const) {
      it(`${name} via .${format}`, async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'wp-rt-'));
        const first = await build(source, 'md');
        const document = path.join(dir, `document.${format}`);
        writeFileSync(document, format === 'md' ? first : await build(source, 'docx'));
        const imported = path.join(dir, 'imported.yaml');
        const { outputs } = await importDocuments([document], { output: imported, today: '2026-01-01' });
        let text = String(outputs[0]!.data);
        // A plan without issuer or signature prints no 成文日期: import does not make one up,
        // so the round trip writes the original's back before building again.
        if (!/^date:/m.test(text) && !/^kind: speech/m.test(text)) {
          expect(first).not.toMatch(/\d{4}年\d{1,2}月\d{1,2}日\s*$/);
          text = text.replace(/^(title:.*)$/m, `$1\ndate: ${/^date: (.+)$/m.exec(readFileSync(source, 'utf8'))![1]}`);
        }
        writeFileSync(imported, text);
        const recheck = await checkPlans([imported]);
        expect(recheck.diagnostics.filter((d) => /^(yaml|schema)-/.test(d.ruleId))).toEqual([]);
        const second = await build(imported, 'md');
        expect(second, readFileSync(imported, 'utf8')).toBe(first);
      });
    }
  }
});
