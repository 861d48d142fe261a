/** duplicate-text: two measures with the same title, or with near-identical text (copy-paste left in). */
import { toClause } from '../speech/compose-speech.js';
import { allMeasures } from '../plan/plan-walk.js';
import { defineRule, type Finding } from './types.js';

/**
 * A text's character bigrams as a multiset, each occurrence its own token (“统战#0”, “统战#1”), so
 * that Dice over tokens equals Dice over bigram counts. Tokens become numbers through `ids`.
 */
function bigramTokens(text: string, ids: Map<string, number>): number[] {
  const chars = [...text.replace(/\s/g, '')];
  const seen = new Map<string, number>();
  const tokens: number[] = [];
  for (let i = 0; i < chars.length - 1; i++) {
    const g = chars[i]! + chars[i + 1]!;
    const n = seen.get(g) ?? 0;
    seen.set(g, n + 1);
    const key = `${g}#${n}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    tokens.push(id);
  }
  return tokens;
}

const NEAR = 0.9;
const MIN_TEXT = 20;
/** Dice ≥ NEAR needs sizes within this ratio of each other. */
const SIZE_RATIO = NEAR / (2 - NEAR);

/** Dice of two token lists sorted the same way, or 0 as soon as NEAR is out of reach. */
function diceAtLeastNear(a: Int32Array, b: Int32Array): number {
  const needed = (NEAR * (a.length + b.length)) / 2;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (shared + Math.min(a.length - i, b.length - j) < needed) return 0;
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const score = (2 * shared) / (a.length + b.length);
  return score >= NEAR ? score : 0;
}

/**
 * Near-duplicates without comparing every pair (prefix filtering with positions, as in PPJoin):
 * each text's tokens are ranked rarest first; two texts whose Dice reaches NEAR share a token
 * within the first size − ⌈size·NEAR/(2−NEAR)⌉ + 1 ranks of each, so only those prefixes are
 * indexed and probed. A candidate is dropped as soon as the tokens left after a shared one cannot
 * make up the overlap, and measured only when its size is in range; so the cost follows the plan.
 */
export const duplicateText = defineRule('duplicate-text', ({ loaded }) => {
  const ids = new Map<string, number>();
  const measures = allMeasures(loaded.plan).map((m) => {
    const text = m.measure.text ?? '';
    return { ...m, clause: toClause(m.measure.title), tokens: text.length >= MIN_TEXT ? bigramTokens(text, ids) : undefined };
  });
  const frequency = new Int32Array(ids.size);
  for (const m of measures) for (const t of m.tokens ?? []) frequency[t]!++;
  // Rank of each token: rarest first, then first seen.
  const byRarity = Array.from({ length: ids.size }, (_, t) => t).sort((x, y) => frequency[x]! - frequency[y]! || x - y);
  const rank = new Int32Array(ids.size);
  byRarity.forEach((t, r) => (rank[t] = r));

  const firstWithClause = new Map<string, number>();
  /** Rank → the earlier texts with that rank in their prefix, and where. */
  const index = new Map<number, { at: number; position: number }[]>();
  const ranked: (Int32Array | undefined)[] = [];
  const findings: Finding[] = [];
  measures.forEach((later, j) => {
    const sameTitle = firstWithClause.get(later.clause);
    if (sameTitle === undefined) firstWithClause.set(later.clause, j);
    let nearText: { at: number; score: number } | undefined;
    const mine = later.tokens ? Int32Array.from(later.tokens, (t) => rank[t]!).sort() : undefined;
    ranked.push(mine);
    if (mine) {
      const size = mine.length;
      const prefix = size - Math.ceil(size * SIZE_RATIO) + 1;
      // Overlap found so far with each candidate; -1 once it cannot reach NEAR.
      const overlap = new Map<number, number>();
      for (let i = 0; i < prefix; i++) {
        for (const { at, position } of index.get(mine[i]!) ?? []) {
          const other = ranked[at]!.length;
          if (other < size * SIZE_RATIO || size < other * SIZE_RATIO) continue;
          const count = overlap.get(at) ?? 0;
          if (count < 0) continue;
          const reachable = count + 1 + Math.min(size - i - 1, other - position - 1);
          overlap.set(at, reachable >= (NEAR * (size + other)) / 2 ? count + 1 : -1);
        }
      }
      const candidates = [...overlap].filter(([, count]) => count > 0).map(([at]) => at);
      for (const at of candidates.sort((x, y) => x - y)) {
        // The first earlier measure that says the same wins, as a reader would cite it.
        if (sameTitle !== undefined && at >= sameTitle) break;
        const score = diceAtLeastNear(mine, ranked[at]!);
        if (score > 0) {
          nearText = { at, score };
          break;
        }
      }
      for (let i = 0; i < prefix; i++) (index.get(mine[i]!) ?? index.set(mine[i]!, []).get(mine[i]!)!).push({ at: j, position: i });
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
