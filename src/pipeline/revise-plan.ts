/**
 * `import revised.docx --onto plan.yaml`: a draft the leaders revised in Word or WPS (tracked
 * changes accepted as the import reads them: insertions kept, deletions dropped) carried back into
 * the plan it was built from. The revised document is read by the import's own readers and
 * recognizer; its measures are matched to the plan's as `diff` matches them (id, title, then
 * similar text); what differs is written into the plan as range edits of the YAML, so ids,
 * progress reports, units the document does not print, comments, key order and quoting stay byte
 * for byte. Measures new in the document are added where they stand; measures missing from it
 * are reported, and removed only with --prune. The new source is proven like --fix: parsed
 * again, it must equal the old plan with exactly these changes, or nothing is written.
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { matchMeasures, measureRefs } from '../compare/plan-diff.js';
import { bigramSet, dice } from '../compare/similarity.js';
import { recognizePlan } from '../import/recognize-plan.js';
import type { SourceComment } from '../import/source-document.js';
import { type LoadedPlan, type PlanPath, loadPlanFile, parsePlan } from '../plan/load-plan.js';
import { isSpeechFile, type Measure, type Plan, type Section, targetText, unitsOf } from '../plan/model.js';
import { allMeasures, type MeasureAt } from '../plan/plan-walk.js';
import { addKey, applyTextEdits, blockItems, listLayout, removeItem, replaceMappings, replaceValue, type TextEdit } from '../plan/yaml-edits.js';
import { describeFsError } from '../system/fs-errors.js';
import { writeOutputs } from '../system/write-outputs.js';
import { localToday } from '../text/dates.js';
import { toChineseNumeral } from '../text/numerals.js';
import { UsageError } from '../usage-error.js';
import { readSource } from './read-source.js';
import type { Diagnostic } from '../diagnostic.js';
import { setValueAt, valueAt } from '../plan/path-values.js';

/** Below this, a matched pair is shown with its score, for the writer to check. */
const WEAK_MATCH = 0.8;

export interface RevisionLine {
  kind: 'added' | 'changed' | 'removed' | 'unplaced';
  /** 第二部分第 3 项, in the plan (the revised document's place for an added one). */
  label: string;
  title: string;
  details: string[];
  /** Similarity of a weak match (title and text, 0–1). */
  score?: number;
}

export interface PlanRevision {
  /** The plan file, as given and as messages name it. */
  file: string;
  shown: string;
  /** The file began with a byte-order mark: written back with it. */
  bom: boolean;
  before: string;
  after: string;
  lines: RevisionLine[];
  /** The plan file's own problems (it must load before it can be revised): exit 1. */
  diagnostics: Diagnostic[];
  /** The revised document's comments (批注), with the paragraph each stands in: listed, not written. */
  comments: SourceComment[];
}

export interface ReviseRequest {
  prune?: boolean;
  today?: string;
}

interface Planned {
  /** Each edit with the plan path of the mapping it changes (a moved measure takes its own along). */
  edits: (TextEdit & { owner?: string })[];
  /** The same changes on the plan's data, for the proof: values set at their old paths first… */
  apply: ((data: Record<string, unknown>) => void)[];
  /** …then each list rebuilt with its insertions (before old index i) and removals, by old indices. */
  lists: Map<string, { seq: PlanPath; inserts: Map<number, (Record<string, unknown> | { moved: number })[]>; removes: Set<number> }>;
}

function listOf(planned: Planned, seq: PlanPath) {
  const key = JSON.stringify(seq);
  let list = planned.lists.get(key);
  if (!list) planned.lists.set(key, (list = { seq, inserts: new Map(), removes: new Set() }));
  return list;
}

export async function revisePlan(revised: string, onto: string, request: ReviseRequest = {}): Promise<PlanRevision> {
  const shown = path.relative(process.cwd(), onto) || onto;
  let result;
  try {
    result = await loadPlanFile(shown, onto);

  } catch (error) {
    throw new UsageError(describeFsError(error, 'read', shown));
  }
  if (!result.loaded) return { file: onto, shown, bom: false, before: '', after: '', lines: [], diagnostics: result.diagnostics, comments: [] };
  const loaded = result.loaded;
  if (isSpeechFile(loaded.plan)) throw new UsageError(`“${shown}”是发言文件（kind: speech）：--onto 只用于计划，发言的修改请直接改发言文件`);
  const doc = await readSource(revised);
  const draft = recognizePlan(doc, { today: request.today ?? localToday(), kind: 'opinion' }).plan as unknown as Plan;
  if (!(draft.sections?.length || draft.measures?.length)) {
    throw new UsageError(`在“${revised}”中没有读出部分和举措，无法对照“${shown}”：请确认它是由这份计划生成、经修改的文稿`);
  }
  const planned: Planned = { edits: [], apply: [], lists: new Map() };
  const lines: RevisionLine[] = [];
  reviseFrame(loaded, draft, planned, lines);
  reviseMeasures(loaded, draft, planned, lines, request.prune ?? false);
  const same = { file: onto, shown, bom: loaded.bom, before: loaded.source, lines, diagnostics: [], comments: doc.comments ?? [] };
  if (planned.edits.length === 0) return { ...same, after: loaded.source };
  let after: string;
  try {
    after = applyTextEdits(loaded.source, planned.edits);
  } catch {
    throw new UsageError(`对“${shown}”的几处改动互相重叠，计划未改动：请分几次导入，或手工修改`);
  }
  if (!proves(loaded, after, planned)) {
    throw new UsageError(`把修改写回“${shown}”后，重新读出的计划与预期不符（文件的写法特殊），计划未改动：请用 --dry-run 查看改动后手工修改`);
  }
  return { ...same, after };
}

/** The title, the 总体思路 and the 结尾, and each part's title and 导语, where both have them and they differ. */
function reviseFrame(loaded: LoadedPlan, draft: Plan, planned: Planned, lines: RevisionLine[]): void {
  const plan = loaded.plan as Plan;
  const scalar = (path: PlanPath, old: unknown, now: unknown, what: string) => {
    if (typeof old !== 'string' || typeof now !== 'string' || flat(old) === flat(now) || !now.trim()) return;
    if (change(loaded, planned, path, now)) lines.push({ kind: 'changed', label: what, title: now.slice(0, 30), details: [`${what}改写`] });
  };
  scalar(['title'], plan.title, draft.title, '标题');
  scalar(['guidance'], plan.guidance, draft.guidance, '总体思路');
  scalar(['conclusion'], plan.conclusion, draft.conclusion, '结尾');
  const walk = (olds: readonly Section[], news: readonly Section[], path: PlanPath, label: string) => {
    // Parts are matched in order when the counts agree (their titles are what may have changed).
    if (olds.length !== news.length) return;
    olds.forEach((old, i) => {
      const now = news[i]!;
      const at = [...path, i];
      scalar([...at, 'title'], old.title, now.title, `${label}第 ${i + 1} 部分的标题`);
      scalar([...at, 'intro'], old.intro, now.intro, `${label}第 ${i + 1} 部分的导语`);
      walk(old.sections ?? [], now.sections ?? [], [...at, 'sections'], `${label}第 ${i + 1} 部分`);
    });
  };
  walk(plan.sections ?? [], draft.sections ?? [], ['sections'], '');
}

function reviseMeasures(loaded: LoadedPlan, draft: Plan, planned: Planned, lines: RevisionLine[], prune: boolean): void {
  const plan = loaded.plan as Plan;
  const olds = allMeasures(plan);
  const news = allMeasures(draft);
  const oldRefs = measureRefs(plan);
  const newRefs = measureRefs(draft);
  const { partner, how, oldSets, newSets } = matchMeasures(oldRefs, newRefs);
  // A document made from another plan matches next to nothing: refused, never written over this one.
  const matched = partner.filter((o) => o !== undefined).length;
  if (olds.length && matched < Math.max(1, Math.ceil(olds.length * 0.3))) {
    throw new UsageError(
      `修改稿的 ${news.length} 项举措中只有 ${matched} 项能与“${loaded.file}”的 ${olds.length} 项对上：它不像由这份计划生成的文稿，计划未改动（要导入为新计划，去掉 --onto）`,
    );
  }
  news.forEach((now, n) => {
    const o = partner[n];
    if (o === undefined) return;
    const old = olds[o]!;
    const score = Math.round(dice(oldSets[o]!, newSets[n]!) * 100) / 100;
    const details = reviseMeasure(loaded, old, now.measure, planned);
    if (details.length) {
      lines.push({ kind: 'changed', label: old.label, title: now.measure.title, details, ...(how.get(n) === 'similarity' && score < WEAK_MATCH ? { score } : {}) });
    }
  });
  arrangeLists(loaded, draft, news, partner, olds, planned, lines);
  const taken = new Set(partner.filter((o): o is number => o !== undefined));
  const missing = olds.flatMap((old, o) => (taken.has(o) ? [] : [{ old, ref: oldRefs[o]! }]));
  for (const { old, ref } of missing) {
    const line: RevisionLine = { kind: 'removed', label: old.label, title: ref.title, details: [] };
    if (prune) {
      const seq = old.path.slice(0, -1);
      const index = old.path[old.path.length - 1] as number;
      const edit = removeItem(loaded, seq, index);
      if (typeof edit === 'string') line.details.push(`未删去：${edit}`);
      else {
        planned.edits.push(edit);
        listOf(planned, seq).removes.add(index);
        line.details.push('已删去（--prune）');
      }
    } else line.details.push('修改稿中没有这一项；计划中保留，要删去请加 --prune');
    lines.push(line);
  }
  lines.sort((a, b) => order(a) - order(b));
}

const order = (line: RevisionLine) => ({ changed: 1, added: 0, unplaced: 0, removed: 2 })[line.kind];

/** One matched measure: its title and text, and the units and 完成时限 the document prints, where they differ. */
function reviseMeasure(loaded: LoadedPlan, old: MeasureAt, now: Measure, planned: Planned): string[] {
  const details: string[] = [];
  const own = old.measure;
  if (now.title !== own.title && change(loaded, planned, [...old.path, 'title'], now.title)) details.push(`标题：${own.title} → ${now.title}`);
  if (now.text !== undefined && flat(now.text) !== flat(own.text ?? '')) {
    const ok = own.text === undefined ? addField(loaded, planned, old.path, 'text', now.text, 'title') : change(loaded, planned, [...old.path, 'text'], now.text);
    if (ok) details.push(own.text === undefined ? '正文：新增' : `正文改写（相似度 ${dice(bigramSet(flat(own.text)), bigramSet(flat(now.text))).toFixed(2)}）`);
  }
  // Units and 完成时限 only where the document printed them: a unit it does not mention stays.
  const units = (key: 'lead' | 'responsible', label: string) => {
    const written = now[key];
    if (written === undefined) return;
    const was = unitsOf(old.owners[key]);
    const next = unitsOf(written);
    if (isDeepStrictEqual([...was].sort(), [...next].sort())) return;
    const value = key === 'lead' && typeof written === 'string' ? written : next;
    const ok = own[key] === undefined ? addField(loaded, planned, old.path, key, value, 'text') : change(loaded, planned, [...old.path, key], value);
    if (ok) details.push(`${label}：${was.join('、') || '无'} → ${next.join('、')}`);
  };
  units('lead', '牵头单位');
  units('responsible', '责任单位');
  if (now.due !== undefined && now.due !== old.owners.due) {
    const ok = own.due === undefined ? addField(loaded, planned, old.path, 'due', now.due, 'text') : change(loaded, planned, [...old.path, 'due'], now.due);
    if (ok) details.push(`完成时限：${old.owners.due ?? '无'} → ${now.due}`);
  }
  // Targets as the 分工表's 目标 column reads them back; only a plan's own list is rewritten.
  // As YAML will read them back: no keys left undefined.
  const targets = now.targets?.length ? (JSON.parse(JSON.stringify(now.targets)) as NonNullable<Measure['targets']>) : undefined;
  if (targets && !isDeepStrictEqual(targets, own.targets ?? [])) {
    const edit = own.targets ? replaceMappings(loaded, [...old.path, 'targets'], targets) : '这项举措原来没有 targets';
    if (typeof edit === 'string') details.push(`目标有改动，未写回（${edit}）：请对照修改稿手工修改 targets`);
    else {
      planned.edits.push({ ...edit, owner: JSON.stringify(old.path) });
      planned.apply.push((data) => setValueAt(data, [...old.path, 'targets'], targets));
      details.push(`目标：${(own.targets ?? []).map(targetText).join('；')} → ${targets.map(targetText).join('；')}`);
    }
  }
  return details;
}

/**
 * Each list of measures in the document's order. The plan's measures that keep their order (the
 * longest run of them in order) stay where they are; a measure the document moved is taken out
 * and put back (its own changes with it) before the next one that stayed; a measure new in the
 * document goes in the same way. A measure of a part the plan lacks is reported, not made up.
 */
function arrangeLists(
  loaded: LoadedPlan,
  draft: Plan,
  news: readonly MeasureAt[],
  partner: readonly (number | undefined)[],
  olds: readonly MeasureAt[],
  planned: Planned,
  lines: RevisionLine[],
): void {
  type Entry = { old: number } | { added: Measure; label: string };
  const homeless: number[] = [];
  const listKey = (path: PlanPath) => JSON.stringify(path.slice(0, -1));
  const oldIndex = (o: number) => olds[o]!.path.at(-1) as number;
  // The document's entries of each of the plan's lists, in the document's order.
  const entries = new Map<string, { seq: PlanPath; list: Entry[] }>();
  const entriesOf = (seq: PlanPath) => {
    const key = JSON.stringify(seq);
    let e = entries.get(key);
    if (!e) entries.set(key, (e = { seq, list: [] }));
    return e.list;
  };
  news.forEach((now, n) => {
    const o = partner[n];
    if (o !== undefined) {
      entriesOf(olds[o]!.path.slice(0, -1)).push({ old: o });
      return;
    }
    // A new measure belongs to the plan's list of its neighbours in the document.
    const list = listKey(now.path);
    let home: PlanPath | undefined;
    for (let k = n - 1; !home && k >= 0 && listKey(news[k]!.path) === list; k--) if (partner[k] !== undefined) home = olds[partner[k]!]!.path.slice(0, -1);
    for (let k = n + 1; !home && k < news.length && listKey(news[k]!.path) === list; k++) if (partner[k] !== undefined) home = olds[partner[k]!]!.path.slice(0, -1);
    if (!home) {
      homeless.push(n);
      return;
    }
    entriesOf(home).push({ added: cleanMeasure(now.measure), label: now.label });
  });
  for (const { seq, list } of entries.values()) {
    const kept = new Set(longestIncreasing(list.flatMap((e) => ('old' in e ? [e.old] : [])).map(oldIndex)));
    if (list.every((e) => 'old' in e && kept.has(oldIndex(e.old)))) continue;
    const layout = listLayout(loaded, seq);
    if (typeof layout === 'string') {
      for (const e of list) if (!('old' in e)) lines.push({ kind: 'unplaced', label: e.label, title: e.added.title, details: [`未写入：${layout}`] });
      continue;
    }
    // Entries that do not stay, gathered before the next one that does (or the end of the list).
    const groups = new Map<number, Entry[]>();
    let pending: Entry[] = [];
    for (const e of list) {
      if ('old' in e && kept.has(oldIndex(e.old))) {
        if (pending.length) groups.set(oldIndex(e.old), pending);
        pending = [];
      } else pending.push(e);
    }
    if (pending.length) groups.set(layout.count, pending);
    const data = listOf(planned, seq);
    for (const [before, group] of groups) {
      const pieces: string[] = [];
      const values: (Record<string, unknown> | { moved: number })[] = [];
      for (const e of group) {
        if ('old' in e) {
          const index = oldIndex(e.old);
          pieces.push(takeChunk(loaded, planned, layout.chunk(index), olds[e.old]!.path));
          data.removes.add(index);
          values.push({ moved: index });
          lines.push({ kind: 'changed', label: olds[e.old]!.label, title: olds[e.old]!.measure.title, details: ['次序调整'] });
        } else {
          pieces.push(blockItems([e.added], layout.indent));
          values.push(e.added);
          lines.push({ kind: 'added', label: e.label, title: e.added.title, details: [] });
        }
      }
      const at = layout.before(before);
      const lead = at === loaded.source.length && !loaded.source.endsWith('\n') ? '\n' : '';
      planned.edits.push({ from: at, to: at, text: lead + pieces.join('') });
      data.inserts.set(before, [...(data.inserts.get(before) ?? []), ...values]);
    }
  }
  addSections(loaded, draft, news, partner, olds, homeless, planned, lines);
}

/**
 * Parts new in the document (every measure of them new): each added with its title, 导语 and
 * measures before the plan's part that the next matched part of the document stands for (or
 * last). Any other measure without a place is reported.
 */
function addSections(
  loaded: LoadedPlan,
  draft: Plan,
  news: readonly MeasureAt[],
  partner: readonly (number | undefined)[],
  olds: readonly MeasureAt[],
  homeless: readonly number[],
  planned: Planned,
  lines: RevisionLine[],
): void {
  const topOf = (path: PlanPath) => (path[0] === 'sections' && path.length === 4 ? (path[1] as number) : undefined);
  const bySection = new Map<number, number[]>();
  const unplaced = (n: number, why: string) => lines.push({ kind: 'unplaced', label: news[n]!.label, title: news[n]!.measure.title, details: [why] });
  for (const n of homeless) {
    const top = topOf(news[n]!.path);
    if (top === undefined) unplaced(n, '修改稿中新增，但所在部分在计划中没有对应的举措，未写入：请手工添加');
    else bySection.set(top, [...(bySection.get(top) ?? []), n]);
  }
  const sections = draft.sections ?? [];
  const layout = bySection.size ? listLayout(loaded, ['sections']) : undefined;
  for (const [top, members] of bySection) {
    const section = sections[top]!;
    // Only a part all of whose measures are new; else its new measures had a home already.
    const whole = news.every((m, n) => topOf(m.path) !== top || members.includes(n));
    if (!whole || (section.sections?.length ?? 0) > 0 || typeof layout === 'string' || !layout) {
      for (const n of members) unplaced(n, `修改稿中新增，所在部分未能写入${typeof layout === 'string' ? `（${layout}）` : ''}：请手工添加`);
      continue;
    }
    // Before the plan's part that the next part of the document with a matched measure stands for.
    let before = layout.count;
    for (let next = top + 1; next < sections.length && before === layout.count; next++) {
      const n = news.findIndex((m, k) => topOf(m.path) === next && partner[k] !== undefined);
      if (n >= 0) before = olds[partner[n]!]!.path[1] as number;
    }
    const value: Record<string, unknown> = { title: section.title, ...(section.intro !== undefined ? { intro: section.intro } : {}), measures: members.map((n) => cleanMeasure(news[n]!.measure)) };
    const at = layout.before(before);
    const lead = at === loaded.source.length && !loaded.source.endsWith('\n') ? '\n' : '';
    planned.edits.push({ from: at, to: at, text: lead + blockItems([value], layout.indent, true) });
    const data = listOf(planned, ['sections']);
    data.inserts.set(before, [...(data.inserts.get(before) ?? []), value]);
    lines.push({ kind: 'added', label: `第${toChineseNumeral(top + 1)}部分`, title: section.title, details: [`新增部分，含 ${members.length} 项举措`] });
  }
}

/**
 * A moved measure's lines, with the changes already planned inside them applied, taken out of the
 * source (an edit that removes them); the planned edits inside them are dropped, being in the text now.
 */
function takeChunk(loaded: LoadedPlan, planned: Planned, [from, to]: [number, number], owner: PlanPath): string {
  const own = JSON.stringify(owner);
  // An insertion right at either boundary may belong to the neighbour: only this measure's own new keys come along.
  const inside = planned.edits.filter((e) => e.from >= from && e.to <= to && (e.owner === own || (e.from > from && e.from < to) || e.to > e.from));
  planned.edits = planned.edits.filter((e) => !inside.includes(e));
  const text = applyTextEdits(loaded.source.slice(from, to), inside.map((e) => ({ ...e, from: e.from - from, to: e.to - from })));
  planned.edits.push({ from, to, text: '' });
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** The values of the longest strictly increasing run (not necessarily contiguous) of `xs`. */
function longestIncreasing(xs: readonly number[]): number[] {
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const previous = new Array<number>(xs.length).fill(-1);
  xs.forEach((x, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
    tailIndex[lo] = i;
    previous[i] = lo > 0 ? tailIndex[lo - 1]! : -1;
  });
  const out: number[] = [];
  for (let i = tailIndex[tails.length - 1] ?? -1; i >= 0; i = previous[i]!) out.push(xs[i]!);
  return out.reverse();
}

/** A recognized measure as the plan writes one: its keys in the format's order, nothing empty. */
function cleanMeasure(m: Measure): Measure {
  const out: Record<string, unknown> = { title: m.title };
  for (const key of ['text', 'items', 'lead', 'responsible', 'due', 'targets', 'columns'] as const) {
    const value = m[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) out[key] = value;
  }
  return out as Measure;
}

function change(loaded: LoadedPlan, planned: Planned, path: PlanPath, value: unknown): boolean {
  const edit = replaceValue(loaded, path, value);
  if (typeof edit === 'string') return false;
  planned.edits.push({ ...edit, owner: JSON.stringify(path.slice(0, -1)) });
  planned.apply.push((data) => setValueAt(data, path, value));
  return true;
}

function addField(loaded: LoadedPlan, planned: Planned, path: PlanPath, key: string, value: unknown, after: string): boolean {
  const edit = addKey(loaded, path, key, value, after);
  if (typeof edit === 'string') return false;
  planned.edits.push({ ...edit, owner: JSON.stringify(path) });
  planned.apply.push((data) => setValueAt(data, [...path, key], value));
  return true;
}

/** Text compared as a reader sees it: the line breaks of a folded YAML scalar are not changes. */
const flat = (text: string) => text.replace(/\s*\n\s*/g, '').trim();

function proves(loaded: LoadedPlan, source: string, planned: Planned): boolean {
  const reparsed = parsePlan(loaded.file, new TextEncoder().encode(source)).loaded;
  if (!reparsed) return false;
  const expected = loaded.document.toJS() as Record<string, unknown>;
  for (const apply of planned.apply) apply(expected);
  for (const { seq, inserts, removes } of planned.lists.values()) {
    const old = valueAt(expected, seq) as unknown[];
    const rebuilt: unknown[] = [];
    for (let i = 0; i <= old.length; i++) {
      for (const m of inserts.get(i) ?? []) rebuilt.push('moved' in m && typeof m.moved === 'number' ? old[m.moved] : structuredClone(m));
      if (i < old.length && !removes.has(i)) rebuilt.push(old[i]);
    }
    setValueAt(expected, seq, rebuilt);
  }
  return isDeepStrictEqual(reparsed.document.toJS(), expected);
}

/** The revised plan onto its file, whole or not at all (its byte-order mark kept). */
export async function writeRevisedPlan(revision: Pick<PlanRevision, 'file' | 'shown' | 'after' | 'bom'>): Promise<void> {
  await writeOutputs([{ path: revision.file, data: (revision.bom ? '\uFEFF' : '') + revision.after, shown: revision.shown }]);
}
