/** Completion read from the text being typed: which keys, units and figures fit where the cursor stands. */
import { describe, expect, it } from 'vitest';
import { completeAt } from '../../src/editor/plan-completion.js';
import { buildPlanJsonSchema } from '../../src/plan/json-schema.js';

const schema = buildPlanJsonSchema();
const config = { units: [{ name: '区委统战部', aliases: ['统战部'] }, { name: '区工商联' }] };

/** Completion labels with the cursor at `|`. */
function labels(text: string): string[] {
  const offset = text.indexOf('|');
  return completeAt(text.replace('|', ''), offset, { config, schema }).map((e) => e.label);
}

describe('completion by where the cursor stands', () => {
  it('offers the keys of the mapping the cursor is in, found by indentation', () => {
    const top = labels('title: 要点\nda|\n');
    expect(top).toContain('date');
    expect(top).toContain('sections');
    expect(top).not.toContain('lead');

    const section = labels('title: 要点\nsections:\n  - title: 一\n    in|\n');
    expect(section).toContain('intro');
    expect(section).toContain('measures');
    expect(section).not.toContain('recipients');

    const newMeasure = labels('sections:\n  - title: 一\n    measures:\n      - title: 甲\n        lead: 区工商联\n      - ti|\n');
    expect(newMeasure).toContain('title');
    expect(newMeasure).toContain('due');
    expect(newMeasure).not.toContain('measures');

    // Inside a report of a progress list: the report's keys.
    const report = labels('sections:\n  - title: 一\n    measures:\n      - title: 甲\n        progress:\n          - date: 2026-03-31\n            st|\n');
    expect(report).toContain('status');
    expect(report).toContain('values');
    expect(report).not.toContain('title');
  });

  it('a speech file gets the speech file’s keys', () => {
    const speech = labels('kind: speech\nfig|\n');
    expect(speech).toContain('figures');
    expect(speech).not.toContain('recipients');
  });

  it('offers the registry’s names in every place a plan names units, and nowhere else', () => {
    expect(labels('recipients: [区工商联, |]')).toEqual(['区委统战部', '区工商联']);
    expect(labels('sections:\n  - title: 一\n    responsible:\n      - 区委|\n')).toEqual(['区委统战部', '区工商联']);
    expect(labels('sections:\n  - title: 一\n    lead: 统|\n')).toEqual(['区委统战部', '区工商联']);
    expect(labels('sections:\n  - title: 一\n    intro: 统|\n')).toEqual([]);
    const entry = completeAt('lead: 统', 7, { config, schema })[0]!;
    // The typed part is replaced, not appended to.
    expect([entry.from, entry.to, entry.insert]).toEqual([6, 7, '区委统战部']);
  });

  it('offers nothing for figures where the file has none to read, and nothing inside a comment', () => {
    expect(labels('speech:\n  opening: 培训了{=培|\n')).toEqual([]);
    expect(labels('# ti|\n')).toEqual([]);
  });
});
