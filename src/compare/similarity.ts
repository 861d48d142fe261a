/**
 * Text similarity for matching measures across two plans: character bigrams (Chinese has no word
 * breaks; two characters are the shortest unit that carries meaning) and Dice's coefficient, with
 * an inverted index so that each measure is compared with a few likely candidates, never all.
 */

/** Punctuation, spaces and quotes carry no meaning for matching. */
const NOISE = /[\s\p{P}\p{S}]/gu;

/** The distinct character bigrams of a text, punctuation left out. */
export function bigramSet(text: string): Set<string> {
  const chars = [...text.replace(NOISE, '')];
  const set = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) set.add(chars[i]! + chars[i + 1]!);
  if (chars.length === 1) set.add(chars[0]!);
  return set;
}

/** Dice's coefficient of two bigram sets: 1 for the same text, 0 for nothing in common. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** A bigram found in more entries than this says little about which one matches, and is skipped. */
const MAX_POSTINGS = 64;
/** Candidates whose Dice coefficient is computed, per query: those sharing the most bigrams. */
const CANDIDATES = 8;

/** More shared bigrams first, then the earlier entry. */
const better = (a: [number, number], b: [number, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);

/** Entries indexed by bigram; `candidates` returns the few that share the most bigrams with a query. */
export class BigramIndex {
  private readonly postings = new Map<string, number[]>();

  constructor(readonly sets: readonly ReadonlySet<string>[]) {
    sets.forEach((set, i) => {
      for (const g of set) {
        const list = this.postings.get(g);
        if (list) list.push(i);
        else this.postings.set(g, [i]);
      }
    });
  }

  /** Indexes of likely matches with their Dice coefficients, best first. */
  candidates(query: ReadonlySet<string>): { index: number; score: number }[] {
    const shared = new Map<number, number>();
    for (const g of query) {
      const list = this.postings.get(g);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const i of list) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    // The few entries sharing the most bigrams, kept in one pass (no sort of every entry touched).
    const top: [number, number][] = [];
    for (const entry of shared) {
      if (top.length === CANDIDATES && !better(entry, top[top.length - 1]!)) continue;
      let at = top.length === CANDIDATES ? CANDIDATES - 1 : top.length;
      top[at] = entry;
      while (at > 0 && better(top[at]!, top[at - 1]!)) {
        [top[at], top[at - 1]] = [top[at - 1]!, top[at]!];
        at--;
      }
    }
    return top
      .map(([index]) => ({ index, score: dice(query, this.sets[index]!) }))
      .sort((a, b) => b.score - a.score || a.index - b.index);
  }
}
