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
import { type LoadedPlan, type PlanPath, loadPlanFile, parsePlan } from '../plan/load-plan.js';
import { isSpeechFile, type Measure, type Plan, type Section, unitsOf } from '../plan/model.js';
import { allMeasures, type MeasureAt } from '../plan/plan-walk.js';
import { addKey, applyTextEdits, insertItems, removeItem, replaceValue, type TextEdit } from '../plan/yaml-edits.js';
import { describeFsError } from '../system/fs-errors.js';
import { writeOutputs } from '../system/write-outputs.js';
import { localToday } from '../text/dates.js';
import { UsageError } from '../usage-error.js';
import { readSource } from './read-source.js';
import type { Diagnostic } from '../diagnostic.js';

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
}

export interface ReviseRequest {
  prune?: boolean;
  today?: string;
}

interface Planned {
  edits: TextEdit[];
  /** The same changes on the plan's data, for the proof: values set at their old paths first… */
  apply: ((data: Record<string, unknown>) => void)[];
  /** …then each list rebuilt with its insertions (before old index i) and removals, by old indices. */
  lists: Map<string, { seq: PlanPath; inserts: Map<number, Measure[]>; removes: Set<number> }>;
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
  if (!result.loaded) return { file: onto, shown, bom: false, before: '', after: '', lines: [], diagnostics: result.diagnostics };
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
  const same = { file: onto, shown, bom: loaded.bom, before: loaded.source, lines, diagnostics: [] };
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
  addMeasures(loaded, news, partner, olds, planned, lines);
  const matched = new Set(partner.filter((o): o is number => o !== undefined));
  const missing = olds.flatMap((old, o) => (matched.has(o) ? [] : [{ old, ref: oldRefs[o]! }]));
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
  if (now.targets !== undefined && !isDeepStrictEqual(now.targets.map((t) => `${t.name}${t.value}${t.unit ?? ''}`), (own.targets ?? []).map((t) => `${t.name}${t.value}${t.unit ?? ''}`))) {
    details.push('目标有改动，未写回：请对照修改稿手工修改 targets');
  }
  return details;
}

/**
 * Measures the document has and the plan does not, added after the measure that stands before them
 * in the document (or first in their part); a part new in the document is reported, not made up.
 */
function addMeasures(
  loaded: LoadedPlan,
  news: readonly MeasureAt[],
  partner: readonly (number | undefined)[],
  olds: readonly MeasureAt[],
  planned: Planned,
  lines: RevisionLine[],
): void {
  // Each new measure goes to the list of the measure before it in the document, or of the one after it.
  const byList = new Map<string, { seq: PlanPath; index: number; measures: Measure[]; labels: string[] }>();
  news.forEach((now, n) => {
    if (partner[n] !== undefined) return;
    const list = now.path.slice(0, -1).join('/');
    let anchor: { seq: PlanPath; index: number } | undefined;
    for (let k = n - 1; k >= 0 && news[k]!.path.slice(0, -1).join('/') === list; k--) {
      const o = partner[k];
      if (o !== undefined) {
        anchor = { seq: olds[o]!.path.slice(0, -1), index: (olds[o]!.path.at(-1) as number) + 1 };
        break;
      }
    }
    for (let k = n + 1; !anchor && k < news.length && news[k]!.path.slice(0, -1).join('/') === list; k++) {
      const o = partner[k];
      if (o !== undefined) anchor = { seq: olds[o]!.path.slice(0, -1), index: olds[o]!.path.at(-1) as number };
    }
    if (!anchor) {
      lines.push({ kind: 'unplaced', label: now.label, title: now.measure.title, details: ['修改稿中新增，但所在部分在计划中没有对应的举措，未写入：请手工添加'] });
      return;
    }
    const key = `${anchor.seq.join('/')}@${anchor.index}`;
    const group = byList.get(key) ?? { ...anchor, measures: [], labels: [] };
    group.measures.push(cleanMeasure(now.measure));
    group.labels.push(now.label);
    byList.set(key, group);
  });
  for (const group of byList.values()) {
    const edit = insertItems(loaded, group.seq, group.index, group.measures);
    if (typeof edit === 'string') {
      group.measures.forEach((m, i) => lines.push({ kind: 'unplaced', label: group.labels[i]!, title: m.title, details: [`未写入：${edit}`] }));
      continue;
    }
    planned.edits.push(edit);
    listOf(planned, group.seq).inserts.set(group.index, group.measures);
    group.measures.forEach((m, i) => lines.push({ kind: 'added', label: group.labels[i]!, title: m.title, details: [] }));
  }
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
  planned.edits.push(edit);
  planned.apply.push((data) => setIn(data, path, value));
  return true;
}

function addField(loaded: LoadedPlan, planned: Planned, path: PlanPath, key: string, value: unknown, after: string): boolean {
  const edit = addKey(loaded, path, key, value, after);
  if (typeof edit === 'string') return false;
  planned.edits.push(edit);
  planned.apply.push((data) => setIn(data, [...path, key], value));
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
    const old = getIn(expected, seq) as unknown[];
    const rebuilt: unknown[] = [];
    for (let i = 0; i <= old.length; i++) {
      for (const m of inserts.get(i) ?? []) rebuilt.push(structuredClone(m));
      if (i < old.length && !removes.has(i)) rebuilt.push(old[i]);
    }
    setIn(expected, seq, rebuilt);
  }
  return isDeepStrictEqual(reparsed.document.toJS(), expected);
}

function getIn(data: unknown, path: PlanPath): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function setIn(data: unknown, path: PlanPath, value: unknown): void {
  const parent = getIn(data, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = structuredClone(value);
}


/** The revised plan onto its file, whole or not at all (its byte-order mark kept). */
export async function writeRevisedPlan(revision: Pick<PlanRevision, 'file' | 'shown' | 'after' | 'bom'>): Promise<void> {
  await writeOutputs([{ path: revision.file, data: (revision.bom ? '\uFEFF' : '') + revision.after, shown: revision.shown }]);
}
