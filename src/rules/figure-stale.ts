/**
 * figure-stale: a figure typed by hand in speech text (研修班3期) with a unit a progress value also
 * uses, next to that value's name, where the plan now says something else (4期). Speeches are
 * rewritten as progress comes in, and a stale figure read aloud is the mistake this catches; the
 * fix is a reference, which stays current by itself.
 */
import type { FigureEntry } from '../speech/figure-references.js';
import { figureText, findFigureReferences, referenceFor, speechTexts } from '../speech/figure-references.js';
import { figureSource } from './figure-source.js';
import { sourceEdits, spanInString } from './text-fields.js';
import { defineRule, type Finding } from './types.js';

/** Where a clause begins: the figure's name is looked for between here and the number. */
const CLAUSE_END = /[，。；、：！？,;:!?\n]/g;

/** A value's name, or its last two characters (the head noun: 研修班 → 修班, 诉求 → 诉求), is in the clause. */
function namedIn(clause: string, entry: FigureEntry): boolean {
  return clause.includes(entry.name) || (entry.name.length > 2 && clause.includes(entry.name.slice(-2)));
}

export const figureStale = defineRule('figure-stale', ({ loaded }) => {
  const source = figureSource(loaded);
  if (source.kind !== 'index') return [];
  const byUnit = new Map<string, FigureEntry[]>();
  for (const entries of source.index.byName.values()) {
    for (const entry of entries) {
      if (entry.unit === undefined) continue;
      const list = byUnit.get(entry.unit);
      if (list) list.push(entry);
      else byUnit.set(entry.unit, [entry]);
    }
  }
  if (byUnit.size === 0) return [];
  const units = [...byUnit.keys()].sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const typed = new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)(${units.join('|')})`, 'g');
  const findings: Finding[] = [];
  for (const { path, value } of speechTexts(loaded.plan)) {
    // References are figures already: blank them out, keeping every offset.
    let text = value;
    for (const r of findFigureReferences(value)) text = text.slice(0, r.start) + ' '.repeat(r.end - r.start) + text.slice(r.end);
    for (const m of text.matchAll(typed)) {
      let clauseStart = 0;
      for (const end of text.slice(0, m.index).matchAll(CLAUSE_END)) clauseStart = end.index + 1;
      const clause = text.slice(clauseStart, m.index);
      const named = byUnit.get(m[2]!)!.filter((e) => namedIn(clause, e));
      const number = Number(m[1]);
      if (named.length === 0 || named.some((e) => e.value === number)) continue;
      const entry = named[0]!;
      const reference = referenceFor(entry, source.index);
      const start = m.index;
      const end = m.index + m[0].length;
      findings.push({
        path,
        span: spanInString(loaded, path, start, end),
        message: `手打的数字“${m[0]}”与计划的进展不符：“${entry.name}”现为${figureText(entry)}。请改为引用“${reference}”，数字随进展自动更新`,
        ...(named.length === 1 ? { edits: sourceEdits(loaded, path, [{ start, end, text: reference }]) } : {}),
      });
    }
  }
  return findings;
});
