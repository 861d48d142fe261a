/** duplicate-text: two measures with the same title, or with near-identical text (copy-paste left in). */
import { toClause } from '../speech/compose-speech.js';
import { allMeasures } from '../plan/plan-walk.js';
import { defineRule, type Finding } from './types.js';

/**
 * A text's character bigrams as a multiset, each occurrence its own token (“统战#0”, “统战#1”), so
 * that Dice over tokens equals Dice over bigram counts.
 */
function bigramTokens(text: string): string[] {
  const chars = [...text.replace(/\s/g, '')];
  const seen = new Map<string, number>();
  const tokens: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i]! + chars[i + 1]!;
    const n = seen.get(g) ?? 0;
    seen.set(g, n + 1);
    tokens.push(`${g}#${n}`);
  }
  return tokens;
}

/** Dice similarity of two token sets: 1 for identical texts, near 0 for unrelated ones. */
function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const NEAR = 0.9;
const MIN_TEXT = 20;
/** Dice ≥ NEAR needs sizes within this ratio of each other. */
const SIZE_RATIO = NEAR / (2 - NEAR);

/**
 * Near-duplicates without comparing every pair (prefix filtering): with tokens ordered rarest
 * first, two texts whose Dice reaches NEAR share a token within the first
 * size − ⌈size·NEAR/(2−NEAR)⌉ + 1 tokens of each. Only those prefixes are indexed and probed, and a
 * candidate is measured only when its size is in range; so the cost follows the plan's length.
 */
export const duplicateText = defineRule('duplicate-text', ({ loaded }) => {
  const measures = allMeasures(loaded.plan).map((m) => {
    const text = m.measure.text ?? '';
    return { ...m, clause: toClause(m.measure.title), tokens: text.length >= MIN_TEXT ? bigramTokens(text) : undefined };
  });
  const frequency = new Map<string, number>();
  for (const m of measures) for (const t of m.tokens ?? []) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);

  const firstWithClause = new Map<string, number>();
  const index = new Map<string, number[]>();
  const sets: (Set<string> | undefined)[] = [];
  const findings: Finding[] = [];
  measures.forEach((later, j) => {
    const sameTitle = firstWithClause.get(later.clause);
    if (sameTitle === undefined) firstWithClause.set(later.clause, j);
    let nearText: { at: number; score: number } | undefined;
    const set = later.tokens ? new Set(later.tokens) : undefined;
    sets.push(set);
    if (later.tokens && set) {
      const ordered = [...set].sort(rarestFirst);
      const prefix = ordered.slice(0, ordered.length - Math.ceil(ordered.length * SIZE_RATIO) + 1);
      const candidates = new Set<number>();
      for (const t of prefix) for (const i of index.get(t) ?? []) candidates.add(i);
      for (const i of [...candidates].sort((a, b) => a - b)) {
        // The first earlier measure that says the same wins, as a reader would cite it.
        if (sameTitle !== undefined && i >= sameTitle) break;
        const other = sets[i]!;
        if (other.size < set.size * SIZE_RATIO || set.size < other.size * SIZE_RATIO) continue;
        const score = dice(set, other);
        if (score >= NEAR) {
          nearText = { at: i, score };
          break;
        }
      }
      for (const t of prefix) (index.get(t) ?? index.set(t, []).get(t)!).push(j);
    }
    if (sameTitle !== undefined && (nearText === undefined || sameTitle <= nearText.at)) {
      findings.push({ path: [...later.path, 'title'], message: `举措标题“${later.measure.title}”与${measures[sameTitle]!.label}相同` });
    } else if (nearText !== undefined) {
      const earlier = measures[nearText.at]!;
      findings.push({ path: [...later.path, 'text'], message: `${later.label}的正文与${earlier.label}几乎相同（相似度 ${Math.round(nearText.score * 100)}%）` });
    }
  });
  return findings;
});
