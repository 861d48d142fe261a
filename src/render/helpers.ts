/**
 * Template helpers. Numbers, ordinals and dates are computed here, so a plan never types them.
 * Helpers return plain text; Handlebars then escapes it for Markdown like any other value.
 */
import { formatChineseDate, formatDue } from '../text/dates.js';
import { formatLevelNumber, formatOrdinal, toChineseNumeral } from '../text/numerals.js';
import { endSentence, splitParagraphs } from '../text/paragraphs.js';
import type { MeasureView } from './view-model.js';


function asIndex(value: unknown, helper: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`模板助手 ${helper} 需要从 0 开始的序号（如 @index），收到“${String(value)}”`);
  return n;
}

export const helpers: Record<string, (...args: never[]) => unknown> = {
  /** `{{numbering 1 @index}}` → 一、 ; levels 1–4: 一、（一）1.（1）. Not `number`: plans have a `number` (发文字号). */
  numbering(level: unknown, index: unknown) {
    const l = Number(level);
    if (![1, 2, 3, 4].includes(l)) throw new Error(`模板助手 numbering 的层级应为 1–4，收到“${String(level)}”`);
    return formatLevelNumber(l as 1 | 2 | 3 | 4, asIndex(index, 'numbering') + 1);
  },
  /** `{{ordinal @index}}` → 一是, 二是 … */
  ordinal(index: unknown) {
    return formatOrdinal(asIndex(index, 'ordinal') + 1);
  },
  /** `{{numeral 12}}` → 十二 */
  numeral(n: unknown) {
    return toChineseNumeral(Number(n));
  },
  /** `{{formatDate "2025-01-06"}}` → 2025年1月6日 */
  formatDate(iso: unknown) {
    return formatChineseDate(String(iso));
  },
  /** `{{formatDue "2025-06"}}` → 2025年6月底前 */
  formatDue(value: unknown) {
    return formatDue(String(value));
  },
  /** A lead sentence with its end punctuation: 全面加强领导 → 全面加强领导。 */
  sentence(text: unknown) {
    return endSentence(String(text));
  },
  /** `{{join list "、"}}` */
  join(list: unknown, separator: unknown) {
    return Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : '、') : '';
  },
  /** Multi-line text → paragraphs, for `{{#each (paragraphs text)}}`. */
  paragraphs(text: unknown) {
    return splitParagraphs(typeof text === 'string' ? text : undefined);
  },
  /** （牵头单位：…；责任单位：…；完成时限：…） for a measure, or '' when it names nobody. */
  owners(measure: MeasureView) {
    const parts: string[] = [];
    if (measure.lead) parts.push(`牵头单位：${measure.lead}`);
    if (measure.responsible.length) parts.push(`责任单位：${measure.responsible.join('、')}`);
    if (measure.due) parts.push(`完成时限：${measure.due}`);
    return parts.length ? `（${parts.join('；')}）` : '';
  },
  /** `{{#if (or a b)}}` */
  or(...args: unknown[]) {
    return args.slice(0, -1).some(Boolean);
  },
  /** `{{#if (eq a b)}}` */
  eq(a: unknown, b: unknown) {
    return a === b;
  },
  /** `{{#if (gt list.length 1)}}` */
  gt(a: unknown, b: unknown) {
    return Number(a) > Number(b);
  },
  /** `{{add @index 1}}` */
  add(a: unknown, b: unknown) {
    return Number(a) + Number(b);
  },
};

