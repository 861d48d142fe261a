/**
 * The line-break estimate and the column widths run once per character of every paragraph and
 * table cell, so they work on code points, memoise and skip work; on generated Chinese text with
 * figures, units and punctuation they must return exactly what the plain definitions below (the
 * code as it was before it was made fast) return: the same lines, the same widths to the last bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSectionRow } from '../../src/markdown/blocks.js';
import { fitColumnWidths } from '../../src/emit/column-widths.js';
import { breakLines } from '../../src/text/line-breaks.js';
import { visualWidth } from '../../src/text/width.js';

// ---- The plain definitions: regex tests per character, a string built per group, no memo. ----

const TWO_CHARACTER_UNITS = new Set(['人次', '万元', '亿元', '万人', '个月', '小时', '公里', '余人', '余家', '余个', '余项', '余次', '多人', '多家', '多个']);

function unitLength(chars: readonly string[], i: number): 0 | 1 | 2 {
  if (i === 0 || !/[0-9]/.test(chars[i - 1]!) || !/\p{Script=Han}/u.test(chars[i] ?? '')) return 0;
  return TWO_CHARACTER_UNITS.has(chars[i]! + (chars[i + 1] ?? '')) ? 2 : 1;
}

const END_PUNCTUATION = '，。、．,.';
/** Characters that may not start a line. */
const NO_START = '，。、；：？！）》」』】〕”’…—·,.;:?!)%％';
/** Characters that may not end a line. */
const NO_END = '（《「『【〔“‘(';

interface RefLineOptions {
  /** Cells on the first line (the line less the first-line indent). */
  first: number;
  /** Cells on every other line. */
  width: number;
  /** Width of a half-width character (digit, Latin letter), in cells. */
  half: number;
  /** Space a client adds where a digit or Latin letter follows Chinese, in cells (LibreOffice's Asian–Western spacing). */
  autospace?: number;
  /** Cells taken off the character at a code-point index (condensing, compressed punctuation). */
  narrower?: (index: number) => number;
  /** Whether a 点号 that does not fit may stay at the line's end (true unless told). */
  hang?: boolean;
}

interface RefLine {
  /** Code-point index of the line's first character. */
  start: number;
  /** Code-point index after its last character. */
  end: number;
  text: string;
}

const isHalf = (c: string) => c.codePointAt(0)! < 0x2000;

/** Groups that never break inside, as [start, end) code-point ranges. */
function groups(chars: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < chars.length; ) {
    let end = i + 1;
    if (/[0-9A-Za-z]/.test(chars[i]!)) {
      while (end < chars.length && /[0-9A-Za-z.,%]/.test(chars[end]!)) end++;
      end += unitLength(chars, end);
    }
    out.push([i, end]);
    i = end;
  }
  return out;
}

/** The lines `text` would break into. */
function referenceBreakLines(text: string, options: RefLineOptions): RefLine[] {
  const { first, width, half, autospace = 0, narrower = () => 0, hang = true } = options;
  const chars = [...text];
  const charWidth = (i: number) => (isHalf(chars[i]!) ? half : 1) - narrower(i);
  const widthOf = ([s, e]: [number, number]) => {
    let w = 0;
    for (let i = s; i < e; i++) w += charWidth(i);
    // LibreOffice's space where a digit or letter follows Chinese.
    if (autospace && s > 0 && isHalf(chars[s]!) && !isHalf(chars[s - 1]!)) w += autospace;
    return w;
  };
  const lines: [number, number][][] = [[]];
  let used = 0;
  for (const group of groups(chars)) {
    const w = widthOf(group);
    const line = lines[lines.length - 1]!;
    const room = (lines.length === 1 ? first : width) + 1e-6;
    const text = chars.slice(group[0], group[1]).join('');
    if (used + w <= room || line.length === 0 || (hang && END_PUNCTUATION.includes(text))) {
      line.push(group);
      used += w;
      continue;
    }
    // A new line, taking along the character this group may not follow (避头) and any that may
    // not end a line (避尾).
    const carried: [number, number][] = [];
    if (NO_START.includes(text) && line.length > 1) carried.unshift(line.pop()!);
    while (line.length > 1 && NO_END.includes(chars[line[line.length - 1]![0]]!)) carried.unshift(line.pop()!);
    lines.push([...carried, group]);
    used = carried.reduce((sum, g) => sum + widthOf(g), 0) + w;
  }
  return lines
    .filter((l) => l.length > 0)
    .map((l) => ({ start: l[0]![0], end: l[l.length - 1]![1], text: chars.slice(l[0]![0], l[l.length - 1]![1]).join('') }));
}

const MIN_CHARS = 2;
/**
 * A column whose widest cell is at most this many characters never wraps (序号, a lead unit's
 * short name). Wider ones are sized by what their text costs: a date may wrap after its month
 * (2025年11月 / 30日前) but not leave 前 alone.
 */
const SHORT_CHARS = 6;
/** Widths move in steps of half a character (one digit). */
const STEP = 0.5;
/** How far ahead, in characters, a column's next saving of a line is looked for. */
const LOOKAHEAD = 12;
/** Rows measured at most: a long table is sampled evenly, its widths come out the same. */
const SAMPLE = 400;

/** LibreOffice's Asian–Western space where a digit follows Chinese, in characters (Word adds none). */
const AUTOSPACE = 0.2;

/** Lines a cell's text takes at a width, estimated as a client breaks Chinese (text/line-breaks.ts). */
function lines(text: string, column: number): number {
  if (!text) return 1;
  // A quarter character's slack: the estimate must not fit on a line what a client would wrap.
  return referenceBreakLines(text, { first: column - 0.25, width: column - 0.25, half: 0.5, autospace: AUTOSPACE, hang: false }).length;
}

/**
 * What a cell costs at a width: each wrapped line, more for each line past two (a unit's name in
 * three pieces, a task in a narrow column), and more for a last line of one character
 * (区委统战/部), which a reader takes for a broken word.
 */
function cellCost(text: string, column: number, count: number): number {
  if (count === 1) return 0;
  const last = referenceBreakLines(text, { first: column - 0.25, width: column - 0.25, half: 0.5, autospace: AUTOSPACE, hang: false }).at(-1)!;
  return count - 1 + 2 * Math.max(0, count - 2) + (visualWidth(last.text) <= 1 ? 3 : 0);
}

/** A row's line costs more than a cell's: the table's height is what the reader pages through. */
const ROW_WEIGHT = 4;

/**
 * Widths, in characters, that share `available` among the columns. A short column (widest cell at
 * most SHORT_CHARS) gets its widest cell; any other starts at its header (headers never wrap) and
 * grows, half a character at a time, where a step saves the most per character spent: lines down
 * the whole table first, then wrapped lines in cells, then cells ending in a lone character. What
 * is left once nothing wraps goes to the columns in proportion to their widest cell. So the
 * long-text columns (工作任务, 责任单位, 目标) share what the short ones leave by how much text they
 * hold, and none is squeezed for a wide date column.
 * Rows whose cells after the first are all empty span the table (section rows) and are not measured.
 */
function referenceFitColumnWidths(header: readonly string[], rows: readonly (readonly string[])[], available: number): number[] {
  const n = header.length;
  const body = rows.filter((row) => !isSectionRow(row));
  const sampled = body.length <= SAMPLE ? body : Array.from({ length: SAMPLE }, (_, i) => body[Math.floor((i * body.length) / SAMPLE)]!);
  const texts = sampled.map((row) => header.map((_, c) => row[c] ?? ''));
  // Lines and cost of every cell at every width tried, worked out once.
  const memo = new Map<string, { count: number; cost: number }>();
  const at = (text: string, width: number) => {
    const key = `${width}\u0000${text}`;
    let hit = memo.get(key);
    if (!hit) {
      const count = lines(text, width);
      hit = { count, cost: cellCost(text, width, count) };
      memo.set(key, hit);
    }
    return hit;
  };
  // The width at which a cell's text stands on one line.
  const oneLine = (text: string) => {
    let w = Math.max(MIN_CHARS, Math.ceil(visualWidth(text) * 2) / 2);
    while (lines(text, w) > 1) w += STEP;
    return w;
  };
  const widest = header.map((h, c) => Math.max(oneLine(h), ...texts.map((row) => oneLine(row[c]!))));
  const widths = header.map((h, c) => (widest[c]! <= SHORT_CHARS ? widest[c]! : oneLine(h)));
  const total = () => widths.reduce((a, b) => a + b, 0);
  if (total() > available) {
    // Not even the headers fit: share the width by header length.
    const sum = total();
    return widths.map((w) => (w / sum) * available);
  }
  for (;;) {
    const room = available - total();
    if (room < STEP) break;
    // Each row's height and cost without column c: trying a width for c then takes one pass over the rows.
    const cells = texts.map((row) => row.map((t, c) => at(t, widths[c]!)));
    const rowCost = (height: number, cost: number) => ROW_WEIGHT * height + cost;
    const now = cells.reduce((sum, row) => sum + rowCost(Math.max(...row.map((x) => x.count)), row.reduce((a, x) => a + x.cost, 0)), 0);
    const others = header.map((_, c) => cells.map((row) => Math.max(1, ...row.filter((_, k) => k !== c).map((x) => x.count))));
    const otherCosts = header.map((_, c) => cells.map((row) => row.reduce((a, x, k) => (k === c ? a : a + x.cost), 0)));
    const cost = (c: number, width: number) =>
      texts.reduce((sum, row, r) => {
        const cell = at(row[c]!, width);
        return sum + rowCost(Math.max(others[c]![r]!, cell.count), otherCosts[c]![r]! + cell.cost);
      }, 0);
    let best: { column: number; grow: number; rate: number } | undefined;
    for (let c = 0; c < n; c++) {
      for (let grow = STEP; grow <= Math.min(LOOKAHEAD, room) + 1e-9 && widths[c]! + grow <= widest[c]! + 1e-9; grow += STEP) {
        const saved = now - cost(c, widths[c]! + grow);
        if (saved > 0) {
          const rate = saved / grow;
          if (!best || rate > best.rate + 1e-9) best = { column: c, grow, rate };
          break;
        }
      }
    }
    if (!best) break;
    widths[best.column]! += best.grow;
  }
  // The greedy steps can strand a cell (a unit's name in three pieces): move half characters from
  // one column to another while that makes the table cheaper.
  const tableCost = () =>
    texts.reduce((sum, row) => {
      const cells = row.map((t, c) => at(t, widths[c]!));
      return sum + ROW_WEIGHT * Math.max(...cells.map((x) => x.count)) + cells.reduce((a, x) => a + x.cost, 0);
    }, 0);
  for (let moves = 0, improved = true; improved && moves < 200; moves++) {
    improved = false;
    const before = tableCost();
    let best: { from: number; to: number; cost: number } | undefined;
    for (let from = 0; from < n; from++) {
      if (widths[from]! - STEP < Math.max(MIN_CHARS, oneLine(header[from]!)) - 1e-9 || widest[from]! <= SHORT_CHARS) continue;
      for (let to = 0; to < n; to++) {
        if (to === from || widths[to]! + STEP > widest[to]! + 1e-9) continue;
        widths[from]! -= STEP;
        widths[to]! += STEP;
        const cost = tableCost();
        widths[from]! += STEP;
        widths[to]! -= STEP;
        if (cost < before && (!best || cost < best.cost)) best = { from, to, cost };
      }
    }
    if (best) {
      widths[best.from]! -= STEP;
      widths[best.to]! += STEP;
      improved = true;
    }
  }
  // Nothing saves a line any more: give the rest to the columns by their widest cell.
  const room = available - total();
  const weight = widest.reduce((a, b) => a + b, 0);
  return widths.map((w, c) => w + (room * widest[c]!) / weight);
}

// ---- Generated text: Han characters (units among them), digits, letters, punctuation of every class. ----

const PIECES = [
  ...'统战部工作推进落实机制全面加强领导干部队伍建设党外人士联谊会',
  ...'人次万元亿个月小时公里余多家项期号年日前',
  ...'0123456789',
  ...'AaZz',
  ...'.,%',
  ...'，。、．；：？！）》」』】〕”’…—·',
  ...'（《「『【〔“‘(',
  ...';:?!)',
  '１',
  '𠀀',
  ' ',
];
const text = (max: number) => fc.array(fc.constantFrom(...PIECES), { maxLength: max }).map((cs) => cs.join(''));
/** Figures with their units: the groups that do not break. */
const figure = fc.tuple(fc.integer({ min: 0, max: 100000 }), fc.constantFrom('人次', '万元', '个月', '期', '%', '.5', ',000', '')).map(([n, u]) => `${n}${u}`);
const prose = (max: number) => fc.array(fc.oneof(text(8), figure), { maxLength: max }).map((parts) => parts.join(''));

describe('breakLines is exactly the plain definition', () => {
  it('gives the same lines for every width, half-width size, autospace, narrowing and hanging', () => {
    fc.assert(
      fc.property(
        prose(12),
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom(0.5, 0.47, 0.5 - 0.075 / 16),
        fc.constantFrom(0, 0.2),
        fc.boolean(),
        fc.option(fc.array(fc.constantFrom(0, 0.5, 0.03), { minLength: 1, maxLength: 7 })),
        (t, halfCells, indent, half, autospace, hang, narrow) => {
          const width = halfCells / 2;
          const narrower = narrow ? (i: number) => narrow[i % narrow.length]! : undefined;
          const options = { first: width - indent / 2, width, half, autospace, hang, ...(narrower ? { narrower } : {}) };
          expect(breakLines(t, options)).toEqual(referenceBreakLines(t, options));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('fitColumnWidths is exactly the plain definition', () => {
  it('gives the same widths for generated tables', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((n) =>
          fc.tuple(
            fc.array(text(6), { minLength: n, maxLength: n }),
            fc.array(fc.array(fc.oneof(prose(4), fc.constant('')), { minLength: n, maxLength: n }), { maxLength: 6 }),
          ),
        ),
        fc.integer({ min: 16, max: 80 }),
        ([header, rows], halfChars) => {
          expect(fitColumnWidths(header, rows, halfChars / 2)).toEqual(referenceFitColumnWidths(header, rows, halfChars / 2));
        },
      ),
      { numRuns: 300 },
    );
  });
});
