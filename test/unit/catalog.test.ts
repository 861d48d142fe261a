/**
 * The rule catalogue is the one list of rule ids: the registry runs exactly its writing rules, the
 * user guide's table (docs/guide/check.md) shows them with their severity, and SARIF names every id a diagnostic can carry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDiagnostic } from '../../src/diagnostic.js';
import { loadConfig } from '../../src/plan/config.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { formatSarif } from '../../src/report/sarif.js';
import { RULE_CATALOG, WRITING_RULES } from '../../src/rule-catalog.js';
import { RULES } from '../../src/rules/index.js';
import { runRules } from '../../src/rules/run-rules.js';
import { ROOT } from '../helpers.js';

describe('the rule catalogue', () => {
  it('has one rule per writing-rule entry, in the catalogue order, with its description and severity', () => {
    expect(RULES.map((r) => r.id)).toEqual(Object.keys(WRITING_RULES));
    for (const rule of RULES) expect({ description: rule.description, severity: rule.severity }).toEqual(WRITING_RULES[rule.id]);
  });

  it('lists each id once', () => {
    const ids = RULE_CATALOG.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is what the user guide documents: the writing-rule table has each rule with its severity', () => {
    const guide = readFileSync(path.join(ROOT, 'docs', 'guide', 'check.md'), 'utf8');
    const rows = [...guide.matchAll(/^\| `([a-z-]+)` \| (错误|警告) \|/gm)].map((m) => [m[1], m[2] === '错误' ? 'error' : 'warning']);
    expect(rows).toEqual(RULES.map((r) => [r.id, r.severity]));
  });

  it('has every id it can report named in the user guide', () => {
    const guide = readFileSync(path.join(ROOT, 'docs', 'guide', 'check.md'), 'utf8');
    expect(RULE_CATALOG.map((r) => r.id).filter((id) => !guide.includes(`\`${id}\``))).toEqual([]);
  });

  it('gives SARIF a rule entry for every id a fixture reports', async () => {
    const dir = path.join(ROOT, 'test', 'fixtures', 'check');
    const seen = new Set<string>();
    for (const name of readdirSync(dir)) {
      const parsed = parsePlan('plan.yaml', readFileSync(path.join(dir, name, 'plan.yaml')));
      const { config } = await loadConfig(path.join(dir, name));
      const diagnostics = [...parsed.diagnostics, ...(parsed.loaded ? runRules(parsed.loaded, config).diagnostics : [])];
      const sarif = JSON.parse(formatSarif(diagnostics, { version: '0' })) as {
        runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number }[] }[];
      };
      const [run] = sarif.runs;
      for (const result of run!.results) {
        expect(run!.tool.driver.rules[result.ruleIndex]?.id, name).toBe(result.ruleId);
        seen.add(result.ruleId);
      }
    }
    expect(seen.size).toBeGreaterThan(15);
  });

  it('types rule ids: an id outside the catalogue does not compile', () => {
    // test/tsconfig.json type-checks this file before the tests run (npm test's pretest).
    // @ts-expect-error 'no-such-rule' is not a RuleId
    const d = makeDiagnostic('no-such-rule', '说明', { file: 'a.yaml' });
    expect(d.ruleId).toBe('no-such-rule');
  });
});

describe('build options', () => {
  it('an unknown --letterhead, --doc or --to is a usage error where it enters, never a silent default', async () => {
    const { resolveBuildOptions } = await import('../../src/pipeline/build-options.js');
    const { UsageError } = await import('../../src/usage-error.js');
    expect(() => resolveBuildOptions({ to: 'docx', letterhead: 'blue' })).toThrow(UsageError);
    expect(() => resolveBuildOptions({ to: 'docx', letterhead: 'blue' })).toThrow(/未知的红头方式“blue”/);
    expect(() => resolveBuildOptions({ to: 'docx', doc: 'memo' })).toThrow(/未知的文稿“memo”/);
    expect(() => resolveBuildOptions({ to: 'odt' })).toThrow(/未知的输出格式“odt”/);
    expect(resolveBuildOptions({ to: 'docx,md,docx', letterhead: 'preprinted' })).toMatchObject({ formats: ['docx', 'md'], letterhead: 'preprinted' });
  });
});
