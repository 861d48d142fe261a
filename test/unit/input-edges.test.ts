/**
 * Smaller edges of what comes in (issue 26 item 5): lone-CR line ends read as YAML reads them,
 * with the positions of the file as written; an alias's diagnostics at the alias; the invisible
 * formatting characters (bidi controls, a stray U+FEFF) warned and removed by --fix.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { invisibleFormat } from '../../src/rules/invisible-format.js';
import { runRules } from '../../src/rules/run-rules.js';
import type { SourceEdit } from '../../src/rules/types.js';

const enc = (s: string) => new TextEncoder().encode(s);

function apply(source: string, edits: readonly SourceEdit[]): string {
  let out = source;
  for (const e of [...edits].sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

const REST = 'date: 2026-02-01\nissuer: 南湖街道\nsections:\n  - title: 联谊交友\n    measures:\n      - title: 走访新的社会阶层人士\n';

const PLAN_LF = 'title: 街道统战工作要点\ndate: 2026-02-01\nissuer: 南湖街道\nmeasures:\n  - title: 走访\u202e新阶层人士\n    lead: 街道统战办\n';

describe('line ends', () => {
  it('a plan with lone CRs loads like the same plan with LFs, positions by CR lines', () => {
    const cr = parsePlan('cr.yaml', enc(PLAN_LF.replace(/\n/g, '\r')));
    const lf = parsePlan('lf.yaml', enc(PLAN_LF));
    expect(cr.diagnostics).toEqual([]);
    expect(cr.loaded!.plan).toEqual(lf.loaded!.plan);
    expect(cr.loaded!.locate(['measures', 0, 'lead'])).toMatchObject({ line: 6, column: 11 });
    const found = runRules(cr.loaded!, {}, [invisibleFormat]).diagnostics;
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual(['5:14']);
  });

  it('inline suppression counts lone-CR lines too', () => {
    const source = PLAN_LF.replace('  - title:', '  # workplan-disable-next-line invisible-format\n  - title:').replace(/\n/g, '\r');
    const parsed = parsePlan('cr.yaml', enc(source));
    expect(runRules(parsed.loaded!, {}, [invisibleFormat]).diagnostics).toEqual([]);
  });
});

describe('aliases', () => {
  it('a schema problem reached through an alias is shown at the alias, not at 1:1', () => {
    const source = 'title: 要点\ndate: 2026-02-01\nissuer: 南湖街道\ncommon: &items\n  - 只是一句话\nmeasures: *items\n';
    const { diagnostics } = parsePlan('a.yaml', enc(source));
    const atAlias = diagnostics.find((d) => d.ruleId === 'schema-type');
    expect(atAlias).toMatchObject({ line: 6, column: 11 });
  });

  it('an alias before its anchor is said so, at the alias', () => {
    const source = 'title: 要点\ndate: 2026-02-01\nissuer: 南湖街道\nmeasures:\n  - title: *later\n  - title: &later 联谊交友\n';
    const { diagnostics } = parsePlan('a.yaml', enc(source));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'yaml-syntax', line: 5, column: 12 });
    expect(diagnostics[0]!.message).toContain('别名“*later”找不到锚点');
  });
});

describe('invisible-format', () => {
  const CASES: [string, string, string[]][] = [
    ['RLO in a plain title', 'title: 统战\u202e工作要点', ['1:10']],
    ['an isolate pair, single-quoted', "title: '统战\u2066工作\u2069要点'", ['1:11', '1:14']],
    ['U+FEFF inside a double-quoted string', 'title: "统战\ufeff工作"', ['1:11']],
    ['LRE and PDF in a block literal', 'title: 标题\nguidance: |\n  第一\u202a段\u202c\n', ['3:5', '3:7']],
  ];
  it.each(CASES)('%s: warned at its line:column; --fix removes exactly those characters', (_, field, at) => {
    const source = `${field}\n${REST}`;
    const parsed = parsePlan('p.yaml', enc(source));
    expect(parsed.diagnostics).toEqual([]);
    const { diagnostics, edits } = runRules(parsed.loaded!, {}, [invisibleFormat]);
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(at);
    expect(diagnostics.every((d) => d.severity === 'warning' && d.ruleId === 'invisible-format')).toBe(true);
    const fixed = apply(source, edits);
    expect(fixed).toBe(source.replace(/[\u202a-\u202e\u2066-\u2069\ufeff]/g, ''));
    expect(runRules(parsePlan('p.yaml', enc(fixed)).loaded!, {}, [invisibleFormat]).diagnostics).toEqual([]);
  });

  it('an escape in double quotes is pointed at and left to the writer', () => {
    const source = `title: "统战\\u202E工作"\n${REST}`;
    const { diagnostics, edits } = runRules(parsePlan('p.yaml', enc(source)).loaded!, {}, [invisibleFormat]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain('转义“\\u202E”');
    expect(edits).toEqual([]);
  });

  it('ordinary Chinese text and a BOM at the very start of the file are not findings', () => {
    const parsed = parsePlan('p.yaml', enc(`\ufefftitle: 统战工作要点\n${REST}`));
    expect(runRules(parsed.loaded!, {}, [invisibleFormat]).diagnostics).toEqual([]);
  });
});
