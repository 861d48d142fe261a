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

/** Where a clause ends: the figure's name is looked for between the last of these and the number. */
const CLAUSE_END = /[，。；、：！？,;:!?\n]/;

/** The values of one name and unit, whatever measures report them. */
interface NamedFigure {
  name: string;
  unit: string;
  values: Set<number>;
  entries: FigureEntry[];
}

/**
 * Figures by the last two characters of their name (the head noun: 研修班 → 修班, 诉求 → 诉求), so
 * a clause finds its candidates through its own character pairs, not by trying every value.
 */
function indexByTail(byName: Map<string, FigureEntry[]>): Map<string, NamedFigure[]> {
  const byTail = new Map<string, NamedFigure[]>();
  const named = new Map<string, NamedFigure>();
  for (const [name, entries] of byName) {
    for (const entry of entries) {
      if (entry.unit === undefined) continue;
      const key = `${name}\u0000${entry.unit}`;
      let figure = named.get(key);
      if (!figure) {
        figure = { name, unit: entry.unit, values: new Set(), entries: [] };
        named.set(key, figure);
        const tail = name.slice(-2);
        const list = byTail.get(tail);
        if (list) list.push(figure);
        else byTail.set(tail, [figure]);
      }
      figure.values.add(entry.value);
      figure.entries.push(entry);
    }
  }
  return byTail;
}

/** Figures of this unit whose name, or the name's last two characters, the clause holds. */
function figuresNamedIn(clause: string, unit: string, byTail: Map<string, NamedFigure[]>): NamedFigure[] {
  const out = new Set<NamedFigure>();
  for (let i = 0; i + 1 < clause.length; i++) {
    for (const figure of byTail.get(clause.slice(i, i + 2)) ?? []) if (figure.unit === unit) out.add(figure);
  }
  // A one-character name (人) is its own tail.
  for (const ch of clause) for (const figure of byTail.get(ch) ?? []) if (figure.unit === unit) out.add(figure);
  return [...out];
}

export const figureStale = defineRule('figure-stale', ({ loaded }) => {
  const source = figureSource(loaded);
  if (source.kind !== 'index') return [];
  const byTail = indexByTail(source.index.byName);
  const units = [...new Set([...byTail.values()].flat().map((f) => f.unit))];
  if (units.length === 0) return [];
  const pattern = units.sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const typed = new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)(${pattern.join('|')})`, 'g');
  const findings: Finding[] = [];
  for (const { path, value } of speechTexts(loaded.plan)) {
    // References are figures already: blank them out, keeping every offset.
    const pieces: string[] = [];
    let at = 0;
    for (const r of findFigureReferences(value)) {
      pieces.push(value.slice(at, r.start), ' '.repeat(r.end - r.start));
      at = r.end;
    }
    pieces.push(value.slice(at));
    const text = pieces.join('');
    let clauseStart = 0;
    let scanned = 0;
    for (const m of text.matchAll(typed)) {
      // The clause start moves forward only: one pass over the text, however many figures it has.
      for (; scanned < m.index; scanned++) if (CLAUSE_END.test(text[scanned]!)) clauseStart = scanned + 1;
      const named = figuresNamedIn(text.slice(clauseStart, m.index), m[2]!, byTail);
      const number = Number(m[1]);
      if (named.length === 0 || named.some((f) => f.values.has(number))) continue;
      const entry = named[0]!.entries[0]!;
      const start = m.index;
      const end = m.index + m[0].length;
      // Fixed only when one value is meant and its reference names it by its name alone.
      const single = named.length === 1 && named[0]!.entries.length === 1;
      const reference = single ? referenceFor(entry, source.index)! : `{=${entry.name}}`;
      const shared = (source.index.byName.get(entry.name)?.length ?? 0) > 1;
      const advice = shared ? `请改为引用“{=举措：${entry.name}}”（有几项举措都报了这个数值，写明是哪一项），数字随进展自动更新` : `请改为引用“${reference}”，数字随进展自动更新`;
      findings.push({
        path,
        span: spanInString(loaded, path, start, end),
        message: `手打的数字“${m[0]}”与计划的进展不符：“${entry.name}”现为${figureText(entry)}。${advice}`,
        ...(single ? { edits: sourceEdits(loaded, path, [{ start, end, text: reference }]) } : {}),
      });
    }
  }
  return findings;
});
