/**
 * Word's automatic numbering (numbering.xml) turned back into the text it shows. Counters live per
 * abstract list, as Word keeps them, so two w:num that share a list continue each other unless a
 * w:lvlOverride/w:startOverride restarts one; a level restarts when a level above it is used
 * (or the level w:lvlRestart names). The separator Word puts after a marker (w:suff: a tab by
 * default, or a space) is spacing, not text, and is left out, so an automatic “一、” reads like a
 * typed one. One `numberParagraph` call per numbered paragraph, in
 * reading order: linear in the document.
 */
import type { DocxStyles } from './docx-styles.js';
import { formatCounter } from './number-formats.js';
import { type XmlElement, boundedInteger, child, childrenNamed, toggleOf, valOf } from './xml-tree.js';

interface Level {
  start: number;
  format: string;
  text: string;
  /** 1-based level after whose use this one restarts; 0 never. Absent: any level above. */
  restart?: number;
  legal: boolean;
  /** The paragraph style this level is linked to (w:pStyle), for styles that number. */
  style?: string;
}

interface AbstractList {
  id: string;
  levels: (Level | undefined)[];
  /** w:numStyleLink: the numbering is defined by the list this style points to. */
  styleLink?: string;
}

interface NumInstance {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

const MAX_LEVELS = 9;

/**
 * Where a list may start: Word keeps the number as a 32-bit integer, a file can say
 * 99999999999999. Held to this, a counter stays an exact integer however many paragraphs follow;
 * number-formats.ts keeps each marker short.
 */
const MAX_START = 2 ** 31 - 1;

function readLevel(lvl: XmlElement): Level {
  let format = valOf(lvl, 'w:numFmt');
  if (format === undefined) {
    // Word 2010+ writes custom formats as mc:AlternateContent; the fallback is a standard format.
    const fallback = child(child(lvl, 'mc:AlternateContent'), 'mc:Fallback');
    format = valOf(fallback, 'w:numFmt');
  }
  const start = boundedInteger(valOf(lvl, 'w:start'), 0, MAX_START);
  const restart = boundedInteger(valOf(lvl, 'w:lvlRestart'), 0, MAX_LEVELS);
  const style = valOf(lvl, 'w:pStyle');
  return {
    start: start ?? 0,
    format: format ?? 'decimal',
    text: valOf(lvl, 'w:lvlText') ?? '',
    ...(restart !== undefined ? { restart } : {}),
    legal: toggleOf(lvl, 'w:isLgl') ?? false,
    ...(style !== undefined ? { style } : {}),
  };
}

function levelsOf(parent: XmlElement): (Level | undefined)[] {
  const levels: (Level | undefined)[] = [];
  for (const lvl of childrenNamed(parent, 'w:lvl')) {
    const ilvl = Number(lvl.attrs['w:ilvl'] ?? '0');
    if (Number.isInteger(ilvl) && ilvl >= 0 && ilvl < MAX_LEVELS) levels[ilvl] = readLevel(lvl);
  }
  return levels;
}

/** A bullet drawn from a symbol font (Wingdings' U+F0xx) has no text a reader could type. */
function bulletText(text: string): string {
  return [...text].filter((c) => {
    const code = c.codePointAt(0)!;
    return code < 0xe000 || code > 0xf8ff;
  }).join('');
}

export interface Numbering {
  /**
   * The marker a paragraph with this numPr shows (`一、`, `（一）`, `1.1`), advancing the counters;
   * undefined when the paragraph is not numbered after all (numId 0, an unknown list).
   */
  numberParagraph(numId: string | undefined, ilvl: number | undefined, styleId: string | undefined): string | undefined;
}

/** Reads numbering.xml (absent: nothing is numbered). `styles` resolves w:numStyleLink. */
export function readNumbering(root: XmlElement | undefined, styles: DocxStyles): Numbering {
  const abstracts = new Map<string, AbstractList>();
  const nums = new Map<string, NumInstance>();
  const sheet = root && child(root, 'w:numbering');
  if (sheet) {
    for (const abstract of childrenNamed(sheet, 'w:abstractNum')) {
      const id = abstract.attrs['w:abstractNumId'];
      if (id === undefined) continue;
      const styleLink = valOf(abstract, 'w:numStyleLink');
      abstracts.set(id, { id, levels: levelsOf(abstract), ...(styleLink !== undefined ? { styleLink } : {}) });
    }
    for (const num of childrenNamed(sheet, 'w:num')) {
      const id = num.attrs['w:numId'];
      const abstractId = valOf(num, 'w:abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const override of childrenNamed(num, 'w:lvlOverride')) {
        const ilvl = Number(override.attrs['w:ilvl'] ?? '0');
        if (!Number.isInteger(ilvl) || ilvl < 0 || ilvl >= MAX_LEVELS) continue;
        const start = boundedInteger(valOf(override, 'w:startOverride'), 0, MAX_START);
        const lvl = child(override, 'w:lvl');
        overrides.set(ilvl, {
          ...(start !== undefined ? { start } : {}),
          ...(lvl ? { level: readLevel(lvl) } : {}),
        });
      }
      nums.set(id, { abstractId, overrides });
    }
  }

  /** The list that holds the levels, following w:numStyleLink once through its style. */
  const resolveAbstract = (id: string): AbstractList | undefined => {
    const list = abstracts.get(id);
    if (!list?.styleLink) return list;
    const linkedNum = styles.get(list.styleLink)?.paragraph.numId;
    const linked = linkedNum !== undefined ? nums.get(linkedNum) : undefined;
    const target = linked ? abstracts.get(linked.abstractId) : undefined;
    return target && !target.styleLink ? target : list;
  };

  const counters = new Map<string, (number | undefined)[]>();
  const overridden = new Set<string>();

  return {
    numberParagraph(numId, ilvl, styleId) {
      if (numId === undefined || numId === '0') return undefined;
      const num = nums.get(numId);
      if (!num) return undefined;
      const list = resolveAbstract(num.abstractId);
      if (!list) return undefined;
      let level = ilvl;
      if (level === undefined && styleId !== undefined) {
        const linked = list.levels.findIndex((l) => l?.style === styleId);
        if (linked >= 0) level = linked;
      }
      level = Math.min(Math.max(level ?? 0, 0), MAX_LEVELS - 1);
      const levelAt = (i: number): Level | undefined => num.overrides.get(i)?.level ?? list.levels[i];
      const current = levelAt(level);
      if (!current) return undefined;
      let values = counters.get(list.id);
      if (!values) counters.set(list.id, (values = []));
      const override = num.overrides.get(level);
      const key = `${numId}:${level}`;
      if (override?.start !== undefined && !overridden.has(key)) {
        overridden.add(key);
        values[level] = override.start;
      } else if (override?.level && !overridden.has(key)) {
        overridden.add(key);
        values[level] = current.start;
      } else {
        values[level] = values[level] === undefined ? current.start : values[level]! + 1;
      }
      // Levels below restart once a level at or above their w:lvlRestart is used.
      for (let deeper = level + 1; deeper < MAX_LEVELS; deeper++) {
        const restart = levelAt(deeper)?.restart ?? deeper;
        if (restart !== 0 && level + 1 <= restart) values[deeper] = undefined;
      }
      if (current.format === 'bullet') return bulletText(current.text);
      return current.text.replace(/%([1-9])/g, (_, digit: string) => {
        const i = Number(digit) - 1;
        const shown = levelAt(i);
        const value = values[i] ?? shown?.start ?? 1;
        const format = current.legal ? 'decimal' : (shown?.format ?? 'decimal');
        return formatCounter(format, value);
      });
    },
  };
}
