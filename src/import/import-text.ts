/**
 * The small readings the recognizer makes of one line of a 公文: its numbering marker, the unit
 * parenthetical after a measure, a 完成时限 phrase, a date, a target figure. Each is a pattern of
 * the genre's own typing conventions, kept here so the recognizer reads as structure only.
 */

import { bothScripts } from '../text/hant-pairs.js';
import { DUE_PHRASES, DUE_PHRASES_HANT, isoDay, isValidDue, parseIsoDate } from '../text/dates.js';

/** The four levels of GB/T 9704's 一、（一）1.（1）, as typed or as Word's numbering shows them. */
export type MarkerLevel = 1 | 2 | 3 | 4;

export interface Marker {
  level: MarkerLevel;
  /** Characters the marker takes at the start of the text, with the space after it. */
  length: number;
}

const HAN_NUMBER = '[一二三四五六七八九十]{1,3}';
const MARKERS: [MarkerLevel, RegExp][] = [
  [1, new RegExp(`^${HAN_NUMBER}[、．.]\\s*`)],
  [2, new RegExp(`^[（(]${HAN_NUMBER}[）)]\\s*`)],
  // 1. 1． 1、 but not 1.5万 or 2025年.
  [3, /^\d{1,2}(?:[.．、](?!\d)|\s)\s*/],
  [4, /^(?:[（(]\d{1,2}[）)]|[⑴-⒇]|[①-⑳])\s*/],
];

export function readMarker(text: string): Marker | undefined {
  for (const [level, pattern] of MARKERS) {
    const m = pattern.exec(text);
    // “1 ” alone (a digit and a space) is a marker only before text.
    if (m && m[0].length < text.length) return { level, length: m[0].length };
  }
  return undefined;
}

/** 2025年1月6日 → 2025-01-06; undefined for anything else, a day the calendar lacks included. */
export function readChineseDate(text: string): string | undefined {
  const m = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/.exec(text);
  if (!m) return undefined;
  const iso = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  return parseIsoDate(iso) ? iso : undefined;
}

const DUE_WORDS = new Set<string>([...DUE_PHRASES, ...DUE_PHRASES_HANT]);

/**
 * A 完成时限 as the plan format writes it: 2025年6月底前 → 2025-06, 2025年6月30日前 → 2025-06-30,
 * 6月底前, 全年, 长期坚持… as they are. Undefined when the phrase has no such form.
 */
export function readDue(text: string): string | undefined {
  const due = readDueForm(text);
  // The format's own check, so a due the import writes is one the plan accepts.
  return due !== undefined && isValidDue(due) ? due : undefined;
}

function readDueForm(text: string): string | undefined {
  const t = text.trim().replace(new RegExp(`^${DUE_KEY}[：:]`), '');
  if (DUE_WORDS.has(t)) return t;
  let m = /^(\d{4})年(\d{1,2})月底?前?$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2]!.padStart(2, '0')}`;
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日前?$/.exec(t);
  if (m) return readChineseDate(`${m[1]}年${m[2]}月${m[3]}日`);
  m = /^(\d{1,2})月底前$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${Number(m[1])}月底前`;
  return undefined;
}

/** 区委统战部、区发展改革委 → the two units. */
export function readUnits(text: string): string[] {
  return text
    .split(/[、，,]/)
    .map((unit) => unit.trim())
    .filter(Boolean);
}

export type OwnersStyle = 'colon' | 'lead-first';

// The unit words in either script (牵头单位 / 牽頭單位, 按职责分工负责 / 按職責分工負責), written once in 简体.
const LEAD = bothScripts('牵头');
const UNIT = bothScripts('(?:单位|部门)');
const RESPONSIBLE = `${bothScripts('(?:责任|配合|参与|协办)')}${UNIT}`;
const DUE_KEY = bothScripts('(?:完成时限|时间节点|完成时间)');
const COLON_KEY = new RegExp(`^(?:${LEAD}${UNIT}|${RESPONSIBLE})[：:]`);
const LEAD_FIRST = new RegExp(`^([^，；]+?)${LEAD}(?:，([^，；]+?)${bothScripts('按职责分工负责')})?$`);

export interface ReadOwners {
  lead?: string[];
  responsible?: string[];
  due?: string;
  style: OwnersStyle;
  /** Where the parenthetical starts in the text it was read from. */
  start: number;
}

const COLON_PART = new RegExp(`^(${LEAD}${UNIT}|${RESPONSIBLE}|${DUE_KEY})[：:](.+)$`);
const isLeadKey = (key: string) => /^[牵牽]/.test(key);
const isDueKey = (key: string) => new RegExp(`^${DUE_KEY}$`).test(key);

/**
 * The unit parenthetical that ends a measure, in the two phrasings the format writes:
 * （牵头单位：X；责任单位：Y；完成时限：Z） and （X、Y牵头，Z按职责分工负责）. Undefined when the
 * text does not end in one, or when a part cannot be read (then the text keeps it whole).
 */
export function readOwners(text: string): ReadOwners | undefined {
  if (!text.endsWith('）')) return undefined;
  const start = text.lastIndexOf('（');
  if (start < 0) return undefined;
  const inner = text.slice(start + 1, -1);
  if (inner.includes('（') || inner.includes('）')) return undefined;
  if (COLON_KEY.test(inner)) {
    const out: ReadOwners = { style: 'colon', start };
    for (const part of inner.split('；')) {
      const m = COLON_PART.exec(part);
      if (!m) return undefined;
      const [, key, value] = m;
      if (isLeadKey(key!)) out.lead = readUnits(value!);
      else if (isDueKey(key!)) {
        const due = readDue(value!);
        if (!due) return undefined;
        out.due = due;
      } else out.responsible = readUnits(value!);
    }
    return out;
  }
  const m = LEAD_FIRST.exec(inner);
  if (m) return { style: 'lead-first', start, lead: readUnits(m[1]!), ...(m[2] ? { responsible: readUnits(m[2]) } : {}) };
  return undefined;
}

/** A unit line under a measure: 牵头单位：X / 责任单位：Y / 完成时限：Z. */
export function readOwnerLine(text: string): { key: 'lead' | 'responsible' | 'due'; value: string[] | string } | undefined {
  const m = COLON_PART.exec(text.trim());
  if (!m) return undefined;
  const [, key, value] = m;
  if (isLeadKey(key!)) return { key: 'lead', value: readUnits(value!) };
  if (isDueKey(key!)) {
    const due = readDue(value!);
    return due ? { key: 'due', value: due } : undefined;
  }
  return { key: 'responsible', value: readUnits(value!) };
}

export interface ReadTarget {
  name: string;
  value: number;
  unit?: string;
  qualifier?: '左右' | '以上' | '以下' | '以内';
}

/**
 * One figure of a 目标 cell, split as the build joins it (name, value, unit, qualifier):
 * 举办研修班2期, 办结率95%以上. The last number is the value, so a year in the name stays there.
 */
export function readTarget(text: string): ReadTarget | undefined {
  const m = /^(.*?\D)?(\d+(?:\.\d+)?)(\D*)$/.exec(text.trim());
  if (!m || !m[1]) return undefined;
  const name = m[1];
  const value = Number(m[2]);
  let unit = m[3] ?? '';
  let qualifier: ReadTarget['qualifier'];
  const q = /(左右|以上|以下|以内)$/.exec(unit);
  if (q) {
    qualifier = q[1] as ReadTarget['qualifier'];
    unit = unit.slice(0, -q[1]!.length);
  }
  if (!name.trim() || /[，。；]/.test(unit) || unit.length > 4) return undefined;
  return { name, value, ...(unit ? { unit } : {}), ...(qualifier ? { qualifier } : {}) };
}
