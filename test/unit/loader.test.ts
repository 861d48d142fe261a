import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlanFile, MAX_PLAN_BYTES, parsePlan } from '../../src/plan/load-plan.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('loader', () => {
  it('refuses a file over the size bound without reading it whole', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-big-'));
    const file = path.join(dir, 'big.yaml');
    writeFileSync(file, Buffer.alloc(MAX_PLAN_BYTES + 1, 0x23));
    const { diagnostics } = await loadPlanFile('big.yaml', file);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'file-too-large', line: 1, column: 1, file: 'big.yaml' });
  });

  it('accepts a UTF-8 byte order mark', () => {
    const { diagnostics, loaded } = parsePlan('p.yaml', enc('\uFEFFtitle: 标题\ndate: 2025-01-10\nsections:\n  - title: 一\n'));
    expect(diagnostics).toEqual([]);
    expect(loaded?.plan).toMatchObject({ title: '标题' });
  });

  it('locates plan paths in the source', () => {
    const src = 'title: 标题\ndate: 2025-01-10\nsections:\n  - title: 一\n    measures:\n      - title: 举措\n        lead: 区委统战部\n';
    const { loaded } = parsePlan('p.yaml', enc(src));
    expect(loaded?.locate(['sections', 0, 'measures', 0, 'lead'])).toMatchObject({ line: 7, column: 15 });
    // An absent path falls back to its nearest existing ancestor.
    expect(loaded?.locate(['sections', 0, 'measures', 0, 'due'])).toMatchObject({ line: 6, column: 9 });
  });

  it('reports every unknown key, not only the first', () => {
    const { diagnostics } = parsePlan('p.yaml', enc('title: a\ndate: 2025-01-10\nsections: [{title: b}]\nfoo: 1\nbar: 2\n'));
    expect(diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['schema-unknown-key', 4],
      ['schema-unknown-key', 5],
    ]);
  });

  it('never throws on arbitrary bytes', () => {
    for (const s of ['\0\0', ': : :', '[[[[', '{a: *x}', '- - -', '%YAML 9.9\n---\n', '"\\q"']) {
      expect(() => parsePlan('p.yaml', enc(s))).not.toThrow();
      expect(parsePlan('p.yaml', enc(s)).diagnostics.length).toBeGreaterThan(0);
    }
  });
});

describe('keys that are maps or lists', () => {
  it('are a Chinese diagnostic at the key, and Node prints no warning', () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const { diagnostics, loaded } = parsePlan('p.yaml', new TextEncoder().encode('title: 标题\n{ title }: x\ndate: 2025-01-10\n'));
    process.off('warning', onWarning);
    expect(loaded).toBeUndefined();
    expect(diagnostics.map((d) => [d.line, d.ruleId, d.message])).toEqual([[2, 'yaml-syntax', '键必须是普通文字']]);
    expect(warnings).toEqual([]);
  });
});
