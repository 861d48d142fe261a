/** duplicate-text: two measures with the same title, or with near-identical text (copy-paste left in). */
import { toClause } from '../speech/compose-speech.js';
import { allMeasures } from './plan-walk.js';
import type { Finding, Rule } from './types.js';

/** Dice similarity of character bigrams: 1 for identical texts, near 0 for unrelated ones. */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    const chars = [...s.replace(/\s/g, '')];
    for (let i = 0; i < chars.length - 1; i++) {
      const g = chars[i]! + chars[i + 1]!;
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

const NEAR = 0.9;
const MIN_TEXT = 20;

export const duplicateText: Rule = {
  id: 'duplicate-text',
  description: '两项举措标题相同或正文几乎相同',
  severity: 'warning',
  check({ loaded }) {
    const measures = allMeasures(loaded.plan);
    const findings: Finding[] = [];
    measures.forEach((later, j) => {
      for (const earlier of measures.slice(0, j)) {
        if (toClause(earlier.measure.title) === toClause(later.measure.title)) {
          findings.push({ path: [...later.path, 'title'], message: `举措标题“${later.measure.title}”与${earlier.label}相同` });
          return;
        }
        const a = earlier.measure.text ?? '';
        const b = later.measure.text ?? '';
        if (a.length >= MIN_TEXT && b.length >= MIN_TEXT && similarity(a, b) >= NEAR) {
          findings.push({ path: [...later.path, 'text'], message: `${later.label}的正文与${earlier.label}几乎相同（相似度 ${Math.round(similarity(a, b) * 100)}%）` });
          return;
        }
      }
    });
    return findings;
  },
};
