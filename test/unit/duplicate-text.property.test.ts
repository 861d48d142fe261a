/**
 * duplicate-text finds near-duplicates through an index instead of comparing every pair; on random
 * plans it must report exactly what comparing every pair reports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parsePlan } from '../../src/plan/load-plan.js';
import { allMeasures } from '../../src/plan/plan-walk.js';
import { duplicateText } from '../../src/rules/duplicate-text.js';
import { toClause } from '../../src/speech/compose-speech.js';

/** The plain definition: each measure against every earlier one, in order. */
function everyPair(plan: Parameters<typeof allMeasures>[0]): string[] {
  const grams = (text: string) => {
    const chars = [...text.replace(/\s/g, '')];
    const m = new Map<string, number>();
    for (let i = 0; i < chars.length - 1; i++) m.set(chars[i]! + chars[i + 1]!, (m.get(chars[i]! + chars[i + 1]!) ?? 0) + 1);
    return m;
  };
  const dice = (a: Map<string, number>, b: Map<string, number>) => {
    let shared = 0;
    let total = 0;
    for (const [g, n] of a) {
      shared += Math.min(n, b.get(g) ?? 0);
      total += n;
    }
    for (const n of b.values()) total += n;
    return total === 0 ? 0 : (2 * shared) / total;
  };
  const measures = allMeasures(plan);
  const out: string[] = [];
  measures.forEach((later, j) => {
    for (const earlier of measures.slice(0, j)) {
      if (toClause(earlier.measure.title) === toClause(later.measure.title)) return void out.push(`${j} title ${earlier.label}`);
      const a = earlier.measure.text ?? '';
      const b = later.measure.text ?? '';
      if (a.length < 20 || b.length < 20) continue;
      const score = dice(grams(a), grams(b));
      if (score >= 0.9) return void out.push(`${j} text ${earlier.label} ${Math.round(score * 100)}`);
    }
  });
  return out;
}

const word = fc.constantFrom('统战', '工作', '联谊', '调研', '协商', '团结', '服务', '基层', '推进', '落实', '，', '。');
const text = fc.array(word, { minLength: 8, maxLength: 20 }).map((w) => w.join(''));
const measure = fc.record({ title: fc.constantFrom('开展调研', '加强联谊', '推进协商', '服务基层', '落实责任', '团结引领'), text });

describe('duplicate-text (property)', () => {
  it('reports exactly what comparing every pair reports', () => {
    const seen = { title: 0, text: 0 };
    fc.assert(
      fc.property(fc.array(measure, { minLength: 1, maxLength: 25 }), fc.array(fc.nat(24), { maxLength: 6 }), (list, copies) => {
        // Copies with one character changed make near-duplicates likely.
        const measures = [...list, ...copies.filter((i) => i < list.length).map((i) => ({ title: `${list[i]!.title}之二`, text: `${list[i]!.text}好` }))];
        const yaml = stringify({ title: '测试', date: '2025-01-10', sections: [{ title: '一', measures }] });
        const { loaded } = parsePlan('p.yaml', new TextEncoder().encode(yaml));
        const found = duplicateText.check({ loaded: loaded!, config: {} });
        const measuresWithLabels = allMeasures(loaded!.plan);
        const mine = found.map((f) => {
          const j = measuresWithLabels.findIndex((m) => f.path.join('.').startsWith(m.path.join('.') + '.'));
          const kind = f.path[f.path.length - 1];
          const [, label, score] = /与(.+?)(?:相同|的正文|几乎相同（相似度 (\d+)%）)/.exec(f.message) ?? [];
          return kind === 'title' ? `${j} title ${label}` : `${j} text ${label?.replace(/几乎相同.*/, '')} ${score}`;
        });
        const reference = everyPair(loaded!.plan);
        expect(mine).toEqual(reference);
        for (const r of reference) seen[r.includes(' title ') ? 'title' : 'text']++;
      }),
      { numRuns: Number(process.env.DUPLICATE_PROPERTY_RUNS ?? 300) },
    );
    // The property says something only if both kinds of finding occurred.
    expect(seen.title).toBeGreaterThan(0);
    expect(seen.text).toBeGreaterThan(0);
  });
});
