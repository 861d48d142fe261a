/** Date handling for plan files: ISO strings in, Chinese official dates out. */
import { toHantByTable } from './hant-pairs.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** Deadline phrases a plan may use instead of a date (GONGWEN.md §5). */
export const DUE_PHRASES = ['全年', '长期坚持', '持续推进', '年底前', '上半年', '下半年'] as const;
/** The same phrases as a plan in 繁体 writes them (those whose characters differ), from the one 简/繁 table. */
export const DUE_PHRASES_HANT: readonly string[] = DUE_PHRASES.map(toHantByTable).filter((p, i) => p !== DUE_PHRASES[i]);
/** Every phrase in either script, each 简体 phrase followed by its 繁体 form. */
export const DUE_PHRASES_EITHER: readonly string[] = DUE_PHRASES.flatMap((p) => (toHantByTable(p) === p ? [p] : [p, toHantByTable(p)]));
const MONTH_END = /^(1[0-2]|[1-9])月底前$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD`, rejecting dates the calendar does not have (2025-02-30). */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `YYYY-MM`. */
export function parseIsoMonth(text: string): { year: number; month: number } | undefined {
  const m = ISO_MONTH.exec(text);
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return { year: Number(m[1]), month };
}

/** True when text is an acceptable 完成时限: a date, a month, or one of the phrases. */
export function isValidDue(text: string): boolean {
  return (
    parseIsoDate(text) !== undefined ||
    parseIsoMonth(text) !== undefined ||
    (DUE_PHRASES as readonly string[]).includes(text) ||
    (DUE_PHRASES_HANT as readonly string[]).includes(text) ||
    MONTH_END.test(text)
  );
}

/** GB/T 9704 date style: Arabic numerals, no zero padding: 2025年1月6日. */
export function formatChineseDate(iso: string): string {
  const d = parseIsoDate(iso);
  if (d) return `${d.year}年${d.month}月${d.day}日`;
  const m = parseIsoMonth(iso);
  if (m) return `${m.year}年${m.month}月`;
  return iso;
}

/**
 * A 完成时限 as a 文秘 writes it in a plan: a month becomes `2025年6月底前`,
 * a date `2025年6月30日前`, phrases pass through.
 */
export function formatDue(due: string): string {
  const d = parseIsoDate(due);
  if (d) return `${d.year}年${d.month}月${d.day}日前`;
  const m = parseIsoMonth(due);
  if (m) return `${m.year}年${m.month}月底前`;
  return due;
}

/**
 * The last day a 完成时限 allows in plan year `year`, as YYYY-MM-DD: a date is itself, a month its
 * last day, 上半年 June 30th, 全年/年底前/下半年 December 31st, N月底前 the month's last day.
 * 长期坚持 and 持续推进 have no deadline (undefined).
 */
export function dueDeadline(due: string, year: number): string | undefined {
  if (parseIsoDate(due)) return due;
  const m = parseIsoMonth(due);
  if (m) return isoDay(m.year, m.month, daysInMonth(m.year, m.month));
  if (due === '上半年') return isoDay(year, 6, 30);
  if (due === '全年' || due === '年底前' || due === '下半年') return isoDay(year, 12, 31);
  const monthEnd = MONTH_END.exec(due);
  if (monthEnd) {
    const month = Number(monthEnd[1]);
    return isoDay(year, month, daysInMonth(year, month));
  }
  return undefined;
}

/** Today in the local calendar, as YYYY-MM-DD: the day a user means by “today”. */
export function localToday(now = new Date()): string {
  return isoDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The day `days` after `from` (YYYY-MM-DD). */
export function addDays(from: string, days: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The quarter a date falls in, as a 通报 names its period: 第一季度, 上半年 (the second quarter closes the half year), 第三季度, 第四季度. */
export function periodOf(iso: string): string {
  const quarter = Math.ceil(Number(iso.slice(5, 7)) / 3);
  return ['第一季度', '上半年', '第三季度', '第四季度'][quarter - 1]!;
}
