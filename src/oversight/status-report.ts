/**
 * 督办 of a plan as figures: measures by state, per unit (led and shared), target completion, and
 * the ledger (台账) every output shares, so the .xlsx, the .docx table and JSON carry the same cells.
 */
import { type Plan, planYear, targetText } from '../plan/model.js';
import { formatChineseDate, formatDue, periodOf } from '../text/dates.js';
import { HANS_WORDS, type Words } from '../text/script.js';
import { type MeasureState, type MeasureStatus, STATE_LABELS, type StatusOptions, measureStatuses } from './measure-status.js';

export type StateCounts = Record<MeasureState, number> & { total: number };

export interface UnitStatus {
  unit: string;
  lead: StateCounts;
  shared: StateCounts;
  /** Mean completion of the targets of the measures it leads (percent), or null without targets. */
  completion: number | null;
}

export interface PlanStatus {
  title: string;
  year: number;
  asOf: string;
  /** 第三季度, 上半年…: the period the as-of day falls in. */
  period: string;
  dueSoonDays: number;
  counts: StateCounts;
  completion: number | null;
  units: UnitStatus[];
  measures: MeasureStatus[];
  ledger: { header: string[]; rows: string[][] };
}

const emptyCounts = (): StateCounts => ({ total: 0, done: 0, 'on-track': 0, 'due-soon': 0, overdue: 0, 'no-report': 0 });

function count(into: StateCounts, state: MeasureState): void {
  into.total++;
  into[state]++;
}

const mean = (xs: readonly number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

export const LEDGER_HEADER = ['序号', '工作任务', '牵头单位', '责任单位', '完成时限', '截止日期', '状态', '逾期天数', '目标', '完成情况', '目标完成率'];

/** One ledger row: every cell a string, as the .xlsx and the .docx print it and JSON gives it. */
function ledgerRow(m: MeasureStatus, seq: number): string[] {
  return [
    String(seq),
    m.title,
    m.lead.join('、'),
    m.responsible.join('、'),
    m.due ? formatDue(m.due) : '',
    m.deadline ?? (m.due ? '长期' : ''),
    STATE_LABELS[m.state],
    m.state === 'overdue' ? String(m.days) : '',
    m.targets.map(targetText).join('；'),
    m.targets.flatMap((t) => (t.actual === undefined ? [] : [`${t.name}${t.actual}${t.unit ?? ''}`])).join('；'),
    m.completion === undefined ? '' : `${m.completion}%`,
  ];
}

/** The 督办 figures of a plan on `asOf`; with `unit`, only the measures that unit leads or shares. */
export function planStatus(plan: Plan, options: StatusOptions & { unit?: string | undefined }): PlanStatus {
  const canon = (name: string) => options.units?.get(name) ?? name;
  const only = options.unit === undefined ? undefined : canon(options.unit);
  const measures = measureStatuses(plan, options).filter((m) => only === undefined || m.lead.includes(only) || m.responsible.includes(only));
  const counts = emptyCounts();
  const byUnit = new Map<string, { lead: StateCounts; shared: StateCounts; percents: number[] }>();
  const unitOf = (name: string) => {
    let u = byUnit.get(name);
    if (!u) byUnit.set(name, (u = { lead: emptyCounts(), shared: emptyCounts(), percents: [] }));
    return u;
  };
  for (const m of measures) {
    count(counts, m.state);
    for (const l of m.lead) {
      const u = unitOf(l);
      count(u.lead, m.state);
      for (const t of m.targets) u.percents.push(t.percent);
    }
    for (const r of m.responsible) if (!m.lead.includes(r)) count(unitOf(r).shared, m.state);
  }
  const units = [...byUnit]
    .filter(([name]) => only === undefined || name === only)
    .map(([unit, u]) => ({ unit, lead: u.lead, shared: u.shared, completion: mean(u.percents) }));
  return {
    title: plan.title,
    year: planYear(plan),
    asOf: options.asOf,
    period: periodOf(options.asOf),
    dueSoonDays: options.dueSoonDays ?? 30,
    counts,
    completion: mean(measures.flatMap((m) => m.targets.map((t) => t.percent))),
    units,
    measures,
    ledger: { header: LEDGER_HEADER, rows: measures.map((m, i) => ledgerRow(m, i + 1)) },
  };
}

/** Measures of one state grouped by lead unit (a joint lead under its first unit), in plan order. */
function byLeadUnit(measures: readonly MeasureStatus[], state: MeasureState): { unit: string; measures: MeasureStatus[] }[] {
  const groups = new Map<string, MeasureStatus[]>();
  for (const m of measures) {
    if (m.state !== state) continue;
    const unit = m.lead.join('、') || '未明确牵头单位';
    const list = groups.get(unit);
    if (list) list.push(m);
    else groups.set(unit, [m]);
  }
  return [...groups].map(([unit, list]) => ({ unit, measures: list }));
}

export interface StatusDocumentOptions {
  /** 署名: the plan's signature or issuer unless given. */
  signature?: string;
  /** The tool's words in the plan's script (a tag: plan text interpolated is never converted). */
  words?: Words;
}

/** The ledger with the tool's words (header, states, 长期, due phrases) in the plan's script. */
export function ledgerIn(status: PlanStatus, words: Words = HANS_WORDS): { header: string[]; rows: string[][] } {
  if (words === HANS_WORDS) return status.ledger;
  // Cells 4–6 are the tool's: the due as the tool says it, the deadline or 长期, the state.
  const tool = new Set([4, 5, 6]);
  return { header: status.ledger.header.map((h) => words(h)), rows: status.ledger.rows.map((row) => row.map((cell, i) => (tool.has(i) ? words(cell) : cell))) };
}

/** The 督办通报's title: 关于2025年第三季度重点任务推进情况的通报. */
export function statusTitle(status: PlanStatus, words: Words = HANS_WORDS): string {
  return words`关于${status.year}年${words(status.period)}重点任务推进情况的通报`;
}

/** What the 督办通报 template prints: every sentence composed here, the template only lays it out. */
export function statusDocumentView(plan: Plan, status: PlanStatus, options: StatusDocumentOptions = {}) {
  // Every literal below is the tool's words: through the tag, plan text interpolated stays as written.
  const t = options.words ?? HANS_WORDS;
  const c = status.counts;
  const figures = [
    t`已完成${c.done}项`,
    t`正常推进${c['on-track']}项`,
    ...(c['due-soon'] ? [t`临近完成时限${c['due-soon']}项`] : []),
    ...(c.overdue ? [t`逾期未完成${c.overdue}项`] : []),
    ...(c['no-report'] ? [t`尚未报送进展${c['no-report']}项`] : []),
  ];
  const completion = status.completion === null ? '' : t`，量化指标总体完成${status.completion}%`;
  const summary = t`截至${t(formatChineseDate(status.asOf))}，《${plan.title}》确定的${c.total}项重点任务中，${figures.join(t('，'))}${completion}。现将有关情况通报如下。`;
  // Titles in quotation marks, side by side as Chinese lists quoted names; quotes inside become single ones.
  const quoted = (m: MeasureStatus) => `“${m.title.replace(/“/g, '‘').replace(/”/g, '’')}”`;
  const titles = (list: readonly MeasureStatus[]) => list.map(quoted).join('');
  const section = (state: MeasureState, describe: (list: MeasureStatus[]) => string) =>
    byLeadUnit(status.measures, state).map(({ unit, measures }) => ({ unit: measures[0]!.lead.length ? unit : t(unit), text: describe(measures) }));
  const sections = [
    { title: t('已完成的任务'), state: 'done' as const, groups: section('done', (list) => t`牵头的${titles(list)}${list.length}项任务已按要求完成。`) },
    {
      title: t('正常推进的任务'),
      state: 'on-track' as const,
      groups: [
        ...section('on-track', (list) => t`牵头的${titles(list)}${list.length}项任务正在按计划推进。`),
        ...section('due-soon', (list) => t`牵头的${list.map((m) => t`${quoted(m)}（${t(formatChineseDate(m.deadline!))}到期，${m.days === 0 ? t('即将截止') : t`还有${m.days}天`}）`).join('')}临近完成时限，请抓紧推进。`),
      ],
    },
    {
      title: t('逾期未完成的任务'),
      state: 'overdue' as const,
      groups: section('overdue', (list) => t`牵头的${list.map((m) => t`${quoted(m)}（完成时限${t(formatDue(m.due!))}，已逾期${m.days}天）`).join('')}尚未完成，请说明原因，明确完成时间。`),
    },
    { title: t('尚未报送进展的任务'), state: 'no-report' as const, groups: section('no-report', (list) => t`牵头的${titles(list)}${list.length}项任务尚未报送进展情况。`) },
  ].filter((s) => s.groups.length > 0);
  const closing = t(
    '各牵头单位要对照任务分工，逐项梳理推进情况，对逾期和临期任务制定整改措施、明确完成时间；尚未报送进展的单位要及时报送。各责任单位要主动配合，形成工作合力，确保全年各项任务按期完成。',
  );
  const ledger = ledgerIn(status, t);
  return {
    title: statusTitle(status, t),
    recipients: plan.recipients ?? [],
    summary,
    sections,
    tableIntro: t('各项任务推进情况见下表。'),
    table: ledger.rows.map((r) => ({ seq: r[0], task: r[1], lead: r[2], due: r[4], state: r[7] ? t`逾期${r[7]}天` : r[6]!, completion: r[10] })),
    closing,
    signature: options.signature ?? plan.signature ?? plan.issuer ?? '',
    date: status.asOf,
  };
}

