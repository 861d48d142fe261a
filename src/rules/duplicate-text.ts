/** duplicate-text: two measures with the same title, or with near-identical text (copy-paste left in). */
import { toClause } from '../speech/compose-speech.js';
import { allMeasures } from '../plan/plan-walk.js';
import { defineRule, type Finding } from './types.js';

type Bigrams = Map<string, number>;

/** Character bigrams of a text, whitespace ignored, with their counts. */
function bigrams(text: string): Bigrams {
  const m: Bigrams = new Map();
  const chars = [...text.replace(/\s/g, '')];
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i]! + chars[i + 1]!;
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice similarity of two bigram sets: 1 for identical texts, near 0 for unrelated ones. */
function dice(ga: Bigrams, gb: Bigrams): number {
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

export const duplicateText = defineRule('duplicate-text', ({ loaded }) => {
  const measures = allMeasures(loaded.plan).map((m) => {
    const text = m.measure.text ?? '';
    // Bigrams once per measure: the pairs are many, the measures few.
    return { ...m, clause: toClause(m.measure.title), grams: text.length >= MIN_TEXT ? bigrams(text) : undefined };
  });
  const findings: Finding[] = [];
  measures.forEach((later, j) => {
    for (const earlier of measures.slice(0, j)) {
      if (earlier.clause === later.clause) {
        findings.push({ path: [...later.path, 'title'], message: `举措标题“${later.measure.title}”与${earlier.label}相同` });
        return;
      }
      if (!earlier.grams || !later.grams) continue;
      const score = dice(earlier.grams, later.grams);
      if (score >= NEAR) {
        findings.push({ path: [...later.path, 'text'], message: `${later.label}的正文与${earlier.label}几乎相同（相似度 ${Math.round(score * 100)}%）` });
        return;
      }
    }
  });
  return findings;
});
