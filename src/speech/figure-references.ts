/**
 * Figure references in speech text: `{=研修班}` says “the current value of 研修班, with its unit”,
 * so a speech written once shows the latest progress every time it is built.
 *
 * The opening token is a brace followed by an equals sign, each in either width (`{=`, `｛＝`…,
 * because a Chinese input method turns `{` into `｛`). Chinese prose never puts these two side by
 * side, so plain text is never read as a reference; `\{=` writes the characters themselves.
 * `{=举措：研修班}` names the measure too (any part of its title or speech phrase), for when two
 * measures report a value of the same name. Pure: the plan the figures come from is passed in.
 */
import { type Measure, type PlanFile, currentProgress, currentProgressPath, isSpeechFile, progressFigures } from '../plan/model.js';
import { allMeasures } from '../plan/plan-walk.js';
import type { PlanPath } from '../plan/load-plan.js';
import { suggestClosest } from '../text/suggest.js';

/** A reference as written: characters [start, end) of the text. */
export interface FigureReference {
  start: number;
  end: number;
  /** `\{=…` — the writer wants the characters, not a figure. */
  escaped: boolean;
  /** The closing brace was found (an unclosed reference is reported, never guessed at). */
  closed: boolean;
  /** What names the measure, when the reference gives one. */
  measure?: string;
  /** The value's name (a key of progress.values). */
  name: string;
}

/** One progress value of the plan, with what a reference needs to find and print it. */
export interface FigureEntry {
  name: string;
  value: number;
  unit?: string;
  measure: Measure;
  /** The measure's place in the plan, for messages. */
  path: PlanPath;
}

/** Every progress value of a plan by its name; built once, in one walk of the measures. */
export interface FigureIndex {
  byName: Map<string, FigureEntry[]>;
  /** The same entries by the measure that reports them. */
  byMeasure: Map<Measure, FigureEntry[]>;
}

const OPEN = /(\\?)[{｛][=＝]/g;
const CLOSE = /[}｝]/;

/** The references in a text, in order; escaped ones included so the renderer can unescape them. */
export function findFigureReferences(text: string): FigureReference[] {
  const out: FigureReference[] = [];
  for (const m of text.matchAll(OPEN)) {
    const start = m.index;
    if (out.length && start < out[out.length - 1]!.end) continue;
    const escaped = m[1] === '\\';
    const bodyStart = start + m[0].length;
    const rest = text.slice(bodyStart);
    // A reference ends at its closing brace, and never runs past the end of a line.
    const close = rest.search(CLOSE);
    const newline = rest.search(/\n/);
    const closed = close >= 0 && (newline < 0 || close < newline);
    const bodyEnd = closed ? bodyStart + close : newline >= 0 ? bodyStart + newline : text.length;
    const body = text.slice(bodyStart, bodyEnd);
    // The last colon: a measure's title may hold one, a value's name does not.
    const split = Math.max(body.lastIndexOf(':'), body.lastIndexOf('：'));
    const measure = split >= 0 ? body.slice(0, split).trim() : undefined;
    const name = (split >= 0 ? body.slice(split + 1) : body).trim();
    out.push({ start, end: closed ? bodyEnd + 1 : bodyEnd, escaped, closed, ...(measure !== undefined ? { measure } : {}), name });
  }
  return out;
}

/** The progress values of a plan (a speech file has none of its own). */
export function indexFigures(file: PlanFile | undefined): FigureIndex {
  const byName = new Map<string, FigureEntry[]>();
  const byMeasure = new Map<Measure, FigureEntry[]>();
  if (!file || isSpeechFile(file)) return { byName, byMeasure };
  for (const { measure, path } of allMeasures(file)) {
    if (!currentProgress(measure)) continue;
    const own: FigureEntry[] = [];
    byMeasure.set(measure, own);
    for (const figure of progressFigures(measure)) {
      const entry: FigureEntry = { name: figure.name, value: figure.value, ...(figure.unit !== undefined ? { unit: figure.unit } : {}), measure, path };
      own.push(entry);
      const list = byName.get(figure.name);
      if (list) list.push(entry);
      else byName.set(figure.name, [entry]);
    }
  }
  return { byName, byMeasure };
}

export type FigureResolution =
  | { kind: 'found'; entry: FigureEntry }
  | { kind: 'unknown'; suggestion?: string }
  | { kind: 'ambiguous'; entries: FigureEntry[] };

/** What a reference stands for; a measure part narrows values of one name to those of matching measures. */
export function resolveFigure(index: FigureIndex, reference: Pick<FigureReference, 'measure' | 'name'>): FigureResolution {
  const all = index.byName.get(reference.name);
  if (!all) {
    const suggestion = suggestClosest(reference.name, index.byName.keys()) ?? containing(reference.name, index.byName.keys());
    return suggestion === undefined ? { kind: 'unknown' } : { kind: 'unknown', suggestion };
  }
  const wanted = reference.measure;
  const entries = wanted ? all.filter((e) => e.measure.title.includes(wanted) || (e.measure.speech ?? '').includes(wanted)) : all;
  if (entries.length === 1) return { kind: 'found', entry: entries[0]! };
  if (entries.length === 0) return { kind: 'unknown' };
  return { kind: 'ambiguous', entries };
}

/** A name that contains the one written, or is contained in it (研修班 for 党外代表人士理论研修班), when only one does. */
function containing(name: string, names: Iterable<string>): string | undefined {
  if (name.length < 2) return undefined;
  const hits = [...names].filter((n) => n.includes(name) || name.includes(n));
  return hits.length === 1 ? hits[0] : undefined;
}

/** A value as the speech reads it: the number and its unit (3期, 96%). */
export function figureText(entry: Pick<FigureEntry, 'value' | 'unit'>): string {
  return `${entry.value}${entry.unit ?? ''}`;
}

/**
 * The text with every reference replaced by its figure and every escape by the characters it
 * keeps. A reference that does not resolve stays as written: `check` reports it (figure-unknown),
 * and a build with errors stops before any document is made.
 */
export function substituteFigures(text: string, index: FigureIndex): string {
  const references = findFigureReferences(text);
  if (references.length === 0) return text;
  let out = '';
  let at = 0;
  for (const reference of references) {
    out += text.slice(at, reference.start);
    const written = text.slice(reference.start, reference.end);
    if (reference.escaped) out += written.slice(1);
    else {
      const resolved = reference.closed ? resolveFigure(index, reference) : undefined;
      out += resolved?.kind === 'found' ? figureText(resolved.entry) : written;
    }
    at = reference.end;
  }
  return out + text.slice(at);
}

/**
 * The reference a writer types for a value: by name alone when the name is the plan's only one of
 * its kind, else with the measure's title; undefined when even that would not single it out (one
 * title inside another, both reporting the name).
 */
export function referenceFor(entry: FigureEntry, index: FigureIndex): string | undefined {
  const same = index.byName.get(entry.name) ?? [];
  if (same.length <= 1) return `{=${entry.name}}`;
  const resolved = resolveFigure(index, { measure: entry.measure.title, name: entry.name });
  return resolved.kind === 'found' && resolved.entry === entry ? `{=${entry.measure.title}：${entry.name}}` : undefined;
}

/** A speech text of a file, with its plan path: where references are read and figures substituted. */
export interface SpeechText {
  path: PlanPath;
  value: string;
}

/**
 * Every text of a file that the speech reads aloud and a writer may put figures in: the speech
 * block's title, opening and closing; a speech file's sections; a plan's measure phrases
 * (`speech`) and results.
 */
export function speechTexts(file: PlanFile): SpeechText[] {
  const out: SpeechText[] = [];
  const add = (path: PlanPath, value: string | undefined) => {
    if (value !== undefined) out.push({ path, value });
  };
  if (!file.speech) return out;
  add(['speech', 'title'], file.speech.title);
  add(['speech', 'opening'], file.speech.opening);
  add(['speech', 'closing'], file.speech.closing);
  if (isSpeechFile(file)) {
    file.sections.forEach((s, i) => {
      add(['sections', i, 'title'], s.title);
      add(['sections', i, 'intro'], s.intro);
      (s.points ?? []).forEach((p, j) => add(['sections', i, 'points', j], p));
      add(['sections', i, 'text'], s.text);
    });
    return out;
  }
  for (const { measure, path } of allMeasures(file)) {
    add([...path, 'speech'], measure.speech);
    add([...path, ...currentProgressPath(measure), 'result'], currentProgress(measure)?.result);
  }
  return out;
}
