/**
 * Golden diagnostics: every folder under test/fixtures/check holds a plan.yaml and the
 * diagnostics it must produce. Lines marked `# expect: rule-id` must carry that rule, and
 * every diagnostic must sit on a marked line, so positions are checked twice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/plan/config.js';
import { parsePlan } from '../src/plan/load-plan.js';
import { runRules } from '../src/rules/run-rules.js';
import { expectGolden, ROOT } from './helpers.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'check');
const cases = readdirSync(DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function markers(source: Buffer): Map<number, string[]> {
  const out = new Map<number, string[]>();
  source
    .toString('latin1')
    .split('\n')
    .forEach((line, i) => {
      const m = /# expect: ([a-z0-9-]+(?:,\s*[a-z0-9-]+)*)/.exec(line);
      if (m) out.set(i + 1, m[1]!.split(/,\s*/));
    });
  return out;
}

describe('check fixtures', () => {
  it('has one case per problem class', () => {
    expect(cases.length).toBeGreaterThanOrEqual(14);
  });

  for (const name of cases) {
    it(name, async () => {
      const bytes = readFileSync(path.join(DIR, name, 'plan.yaml'));
      const parsed = parsePlan('plan.yaml', bytes);
      // The same path as `workplan check`: loader problems, then every rule with the folder's config.
      const { config } = await loadConfig(path.join(DIR, name));
      const diagnostics = [...parsed.diagnostics, ...(parsed.loaded ? runRules(parsed.loaded, config).diagnostics : [])];
      const text = diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}\n`).join('');
      expect(text).toBe(expectGolden(path.join(DIR, name, 'expected-diagnostics.txt'), text));

      for (const d of diagnostics) {
        expect(d.message).toMatch(/\p{Script=Han}/u);
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
      }
      const marks = markers(bytes);
      if (marks.size > 0) {
        for (const [line, ids] of marks) {
          for (const id of ids) {
            expect(diagnostics.some((d) => d.line === line && d.ruleId === id), `line ${line} should carry ${id}`).toBe(true);
          }
        }
        for (const d of diagnostics) {
          expect(marks.has(d.line), `${d.ruleId} at unmarked line ${d.line}`).toBe(true);
        }
      }
      if (name.startsWith('valid-')) expect(diagnostics).toEqual([]);
      else expect(diagnostics.length).toBeGreaterThan(0);
    });
  }
});
