import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { runRules } from '../../src/rules/run-rules.js';

const check = (yaml: string) => {
  const loaded = parsePlan('plan.yaml', new TextEncoder().encode(yaml)).loaded!;
  return runRules(loaded, {});
};

const plan = (speech: string, second = '') => `title: 计划
date: 2025-02-10
sections:
  - title: 加强思想引领
    measures:
      - title: 举办理论研修班
        lead: 区委统战部
        targets: [{ name: 研修班, value: 4, unit: 期 }]
        progress: { status: ongoing, values: { 研修班: 4 } }
${second}speech:
  meeting: 推进会
  opening: ${speech}
`;

describe('figure-stale', () => {
  it('offers a fix only when one value is meant; with a shared name it asks for the measure', () => {
    const shared = check(
      plan(
        '举办研修班3期',
        `      - title: 举办新阶层研修班
        lead: 区委统战部
        targets: [{ name: 研修班, value: 2, unit: 期 }]
        progress: { status: ongoing, values: { 研修班: 1 } }
`,
      ),
    );
    const stale = shared.diagnostics.filter((d) => d.ruleId === 'figure-stale');
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ line: 16, column: 17, endColumn: 19 });
    expect(stale[0]!.message).toContain('{=举措：研修班}');
    expect(shared.edits).toEqual([]);
    const single = check(plan('举办研修班3期'));
    expect(single.edits.map((e) => e.text)).toEqual(['{=研修班}']);
  });

  it('says nothing for the current figure, another unit, a number away from the name, or a reference', () => {
    for (const text of ['举办研修班4期', '举办研修班3场', '举办研修班，另有课题3期', '举办研修班{=研修班}']) {
      expect(check(plan(text)).diagnostics.filter((d) => d.ruleId === 'figure-stale'), text).toEqual([]);
    }
  });

  it('stays linear: a long speech full of typed figures is checked in one pass', () => {
    const long = Array.from({ length: 20000 }, (_, i) => `研修班${i % 7}期`).join('，');
    const started = performance.now();
    const found = check(plan(long)).diagnostics.filter((d) => d.ruleId === 'figure-stale');
    // Every figure but the current one (4期, each seventh) is stale.
    expect(found.length).toBe(Array.from({ length: 20000 }, (_, i) => i % 7).filter((n) => n !== 4).length);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('figure references in dated progress reports', () => {
  it('reads the result of the report that applies, and points into it', () => {
    const yaml = `title: 计划
date: 2025-02-10
sections:
  - title: 加强思想引领
    measures:
      - title: 举办理论研修班
        lead: 区委统战部
        targets: [{ name: 研修班, value: 4, unit: 期 }]
        progress:
          - date: 2025-06-30
            status: ongoing
            values: { 研修班: 3 }
            result: 已办{=研修班}
          - date: 2025-03-31
            status: ongoing
            values: { 研修班: 1 }
            result: 已办理论研修班{=研修斑}
speech:
  meeting: 推进会
`;
    // The March report is older: its misspelt reference is not read; the June one resolves.
    expect(check(yaml).diagnostics.filter((d) => d.ruleId.startsWith('figure-'))).toEqual([]);
    const latest = check(yaml.replace('2025-03-31', '2025-09-30'));
    const unknown = latest.diagnostics.filter((d) => d.ruleId === 'figure-unknown');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ line: 17, column: 28, endColumn: 34, path: 'sections[0].measures[0].progress[1].result' });
  });
});
