/**
 * Year over year: the measures of last year's plan against this year's. Matched by `id`, then by
 * the same title, then by text similarity (bigram index, Dice coefficient); each classified 新增,
 * 调整 (what changed: title, text, units, due, targets), 延续 or 删除.
 */
import { type Plan, planYear, targetText } from '../plan/model.js';
import { allMeasures } from '../plan/plan-walk.js';
import { formatDue, parseIsoDate, parseIsoMonth } from '../text/dates.js';
import { HANS_WORDS, type Words } from '../text/script.js';
import { BigramIndex, bigramSet, dice } from './similarity.js';

export const CHANGE_KINDS = ['added', 'changed', 'continued', 'removed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_LABELS: Record<ChangeKind, string> = { added: '新增', changed: '调整', continued: '延续', removed: '删除' };

export const CHANGE_FIELDS = ['title', 'text', 'lead', 'responsible', 'due', 'targets'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];
export const FIELD_LABELS: Record<ChangeField, string> = { title: '标题', text: '正文', lead: '牵头单位', responsible: '责任单位', due: '完成时限', targets: '目标' };

/** Below this similarity two measures are not the same measure. */
export const MATCH_THRESHOLD = 0.5;

export interface MeasureRef {
  id?: string;
  /** 第二部分第 3 项. */
  label: string;
  /** The title of the top-level section it stands in ('' for a plan without sections). */
  section: string;
  title: string;
  text: string;
  lead: string[];
  responsible: string[];
  due?: string;
  targets: string[];
}

export interface MeasureChange {
  kind: ChangeKind;
  old?: MeasureRef;
  new?: MeasureRef;
  /** How the two were matched. */
  match?: 'id' | 'title' | 'similarity';
  /** Similarity of title and text, 0–1, two decimals. */
  score?: number;
  fields: ChangeField[];
  /** One line per changed field, for people: 完成时限：2025年10月底前 → 2026年9月底前. */
  details: string[];
}

export interface PlanDiff {
  old: { title: string; year: number };
  new: { title: string; year: number };
  counts: Record<ChangeKind, number>;
  /** New plan's order (added, changed, continued), then what was removed, in the old plan's order. */
  changes: MeasureChange[];
  /** Per lead unit: how many of each kind (a removed measure counts for its old lead). */
  units: { unit: string; counts: Record<ChangeKind, number> }[];
}

export interface DiffOptions {
  units?: Map<string, string> | undefined;
  /** Only measures this unit leads or shares, in either plan. */
  unit?: string | undefined;
  /** The tool's words of the change details in the plans' script (a tag: plan text stays as written). */
  words?: Words | undefined;
}

/** Every measure of a plan as the comparison reads it (owners inherited from their section, units canonical), in plan order. */
export function measureRefs(plan: Plan, canon: (name: string) => string = (name) => name): MeasureRef[] {
  return allMeasures(plan).map(({ measure, path, label, owners }) => ({
    ...(measure.id !== undefined ? { id: measure.id } : {}),
    label,
    section: path[0] === 'sections' ? (plan.sections?.[path[1] as number]?.title ?? '') : '',
    title: measure.title,
    text: (measure.text ?? '').replace(/\s*\n\s*/g, ''),
    lead: [...new Set(owners.lead.map(canon))],
    responsible: [...new Set(owners.responsible.map(canon))],
    ...(owners.due !== undefined ? { due: owners.due } : {}),
    targets: (measure.targets ?? []).map(targetText),
  }));
}

/** A due with its plan's year taken out, so 2025-10 in the 2025 plan equals 2026-10 in the 2026 plan. */
function dueInYear(due: string | undefined, year: number): string {
  if (due === undefined) return '';
  const y = parseIsoDate(due)?.year ?? parseIsoMonth(due)?.year;
  return y === year ? `Y${due.slice(4)}` : due;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function compare(old: MeasureRef, now: MeasureRef, years: { old: number; new: number }, t: Words): { fields: ChangeField[]; details: string[] } {
  const fields: ChangeField[] = [];
  const details: string[] = [];
  const list = (xs: readonly string[]) => xs.join('、') || t('无');
  if (old.title !== now.title) {
    fields.push('title');
    details.push(t`标题：${old.title} → ${now.title}`);
  }
  if (old.text !== now.text) {
    fields.push('text');
    details.push(t`正文改写（相似度 ${dice(bigramSet(old.text), bigramSet(now.text)).toFixed(2)}）`);
  }
  if (!same([...old.lead].sort(), [...now.lead].sort())) {
    fields.push('lead');
    details.push(t`牵头单位：${list(old.lead)} → ${list(now.lead)}`);
  }
  if (!same([...old.responsible].sort(), [...now.responsible].sort())) {
    fields.push('responsible');
    const added = now.responsible.filter((u) => !old.responsible.includes(u));
    const removed = old.responsible.filter((u) => !now.responsible.includes(u));
    details.push(t`责任单位：${[...(added.length ? [t`增加${added.join('、')}`] : []), ...(removed.length ? [t`不再列${removed.join('、')}`] : [])].join('，')}`);
  }
  if (dueInYear(old.due, years.old) !== dueInYear(now.due, years.new)) {
    fields.push('due');
    details.push(t`完成时限：${old.due ? t(formatDue(old.due)) : t('无')} → ${now.due ? t(formatDue(now.due)) : t('无')}`);
  }
  if (!same(old.targets, now.targets)) {
    fields.push('targets');
    details.push(t`目标：${old.targets.join('；') || t('无')} → ${now.targets.join('；') || t('无')}`);
  }
  return { fields, details };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const zero = (): Record<ChangeKind, number> => ({ added: 0, changed: 0, continued: 0, removed: 0 });

/** How the measures of two plans pair up: for each new measure, its old partner's index, and how they were matched. */
export interface MeasureMatch {
  partner: (number | undefined)[];
  how: Map<number, 'id' | 'title' | 'similarity'>;
  oldSets: Set<string>[];
  newSets: Set<string>[];
}

/** Pairs by the same id, then the same title in order, then similar title and text (best pairs first, never all pairs). */
export function matchMeasures(olds: readonly MeasureRef[], news: readonly MeasureRef[]): MeasureMatch {
  const oldSets = olds.map((m) => bigramSet(m.title + m.text));
  const newSets = news.map((m) => bigramSet(m.title + m.text));
  const partner = new Array<number | undefined>(news.length);
  const matchedOld = new Set<number>();
  const how = new Map<number, 'id' | 'title' | 'similarity'>();
  const pair = (o: number, n: number, kind: 'id' | 'title' | 'similarity') => {
    partner[n] = o;
    matchedOld.add(o);
    how.set(n, kind);
  };
  // 1. The same id.
  const oldById = new Map<string, number>();
  olds.forEach((m, i) => m.id !== undefined && !oldById.has(m.id) && oldById.set(m.id, i));
  news.forEach((m, n) => {
    const o = m.id === undefined ? undefined : oldById.get(m.id);
    if (o !== undefined && !matchedOld.has(o)) pair(o, n, 'id');
  });
  // 2. The same title, in order.
  const oldByTitle = new Map<string, number[]>();
  olds.forEach((m, i) => {
    if (matchedOld.has(i)) return;
    const list = oldByTitle.get(m.title);
    if (list) list.push(i);
    else oldByTitle.set(m.title, [i]);
  });
  news.forEach((m, n) => {
    if (partner[n] !== undefined) return;
    const o = oldByTitle.get(m.title)?.find((i) => !matchedOld.has(i));
    if (o !== undefined) pair(o, n, 'title');
  });
  // 3. Similar text: candidates from a bigram index over the unmatched new measures, best pairs first.
  const openNew = news.flatMap((_, n) => (partner[n] === undefined ? [n] : []));
  const index = new BigramIndex(openNew.map((n) => newSets[n]!));
  const pairs: { o: number; n: number; score: number }[] = [];
  olds.forEach((_, o) => {
    if (matchedOld.has(o)) return;
    for (const c of index.candidates(oldSets[o]!)) if (c.score >= MATCH_THRESHOLD) pairs.push({ o, n: openNew[c.index]!, score: c.score });
  });
  pairs.sort((a, b) => b.score - a.score || a.n - b.n || a.o - b.o);
  for (const p of pairs) if (partner[p.n] === undefined && !matchedOld.has(p.o)) pair(p.o, p.n, 'similarity');

  return { partner, how, oldSets, newSets };
}

export function diffPlans(oldPlan: Plan, newPlan: Plan, options: DiffOptions = {}): PlanDiff {
  const canon = (name: string) => options.units?.get(name) ?? name;
  const years = { old: planYear(oldPlan), new: planYear(newPlan) };
  const olds = measureRefs(oldPlan, canon);
  const news = measureRefs(newPlan, canon);
  const { partner, how, oldSets, newSets } = matchMeasures(olds, news);
  const matchedOld = new Set(partner.filter((o): o is number => o !== undefined));

  const changes: MeasureChange[] = news.map((now, n) => {
    const o = partner[n];
    if (o === undefined) return { kind: 'added', new: now, fields: [], details: [] };
    const old = olds[o]!;
    const { fields, details } = compare(old, now, years, options.words ?? HANS_WORDS);
    return { kind: fields.length ? 'changed' : 'continued', old, new: now, match: how.get(n)!, score: round2(dice(oldSets[o]!, newSets[n]!)), fields, details };
  });
  olds.forEach((old, o) => !matchedOld.has(o) && changes.push({ kind: 'removed', old, fields: [], details: [] }));

  const only = options.unit === undefined ? undefined : canon(options.unit);
  const involves = (m: MeasureRef | undefined) => m !== undefined && only !== undefined && (m.lead.includes(only) || m.responsible.includes(only));
  const kept = only === undefined ? changes : changes.filter((c) => involves(c.old) || involves(c.new));
  const counts = zero();
  const byUnit = new Map<string, Record<ChangeKind, number>>();
  for (const c of kept) {
    counts[c.kind]++;
    for (const unit of (c.new ?? c.old)!.lead) {
      const u = byUnit.get(unit) ?? zero();
      u[c.kind]++;
      byUnit.set(unit, u);
    }
  }
  return {
    old: { title: oldPlan.title, year: years.old },
    new: { title: newPlan.title, year: years.new },
    counts,
    changes: kept,
    units: [...byUnit].map(([unit, c]) => ({ unit, counts: c })),
  };
}

/** Changes grouped under the section they stand in (the new plan's; the old plan's for removed ones), in order of first appearance. */
export function changesBySection(diff: PlanDiff): { section: string; changes: MeasureChange[] }[] {
  const groups = new Map<string, MeasureChange[]>();
  for (const c of diff.changes) {
    const section = (c.new ?? c.old)!.section;
    const list = groups.get(section);
    if (list) list.push(c);
    else groups.set(section, [c]);
  }
  return [...groups].map(([section, changes]) => ({ section, changes }));
}
