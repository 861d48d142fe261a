/**
 * Column widths that follow the content: the widths (in full-width characters of the table's font)
 * that make the table shortest and its cells least broken.
 */
import { isSectionRow } from '../markdown/blocks.js';
import { breakLines } from '../text/line-breaks.js';
import { visualWidth } from '../text/width.js';

/** A column is never narrower than this, in characters, unless its widest cell is. */
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
function breakCell(text: string, column: number) {
  // A quarter character's slack: the estimate must not fit on a line what a client would wrap.
  return breakLines(text, { first: column - 0.25, width: column - 0.25, half: 0.5, autospace: AUTOSPACE, hang: false });
}

/**
 * Lines a cell takes at a width, and what it costs: each wrapped line, more for each line past two
 * (a unit's name in three pieces, a task in a narrow column), and more for a last line of one
 * character (区委统战/部), which a reader takes for a broken word.
 */
function measureCell(text: string, column: number): { count: number; cost: number } {
  if (!text) return { count: 1, cost: 0 };
  const broken = breakCell(text, column);
  const count = broken.length;
  if (count === 1) return { count, cost: 0 };
  return { count, cost: count - 1 + 2 * Math.max(0, count - 2) + (visualWidth(broken[count - 1]!.text) <= 1 ? 3 : 0) };
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
export function fitColumnWidths(header: readonly string[], rows: readonly (readonly string[])[], available: number): number[] {
  const n = header.length;
  const body = rows.filter((row) => !isSectionRow(row));
  const sampled = body.length <= SAMPLE ? body : Array.from({ length: SAMPLE }, (_, i) => body[Math.floor((i * body.length) / SAMPLE)]!);
  const texts = sampled.map((row) => header.map((_, c) => row[c] ?? ''));
  // Lines and cost of every cell at every width tried, worked out once.
  const memo = new Map<string, Map<number, { count: number; cost: number }>>();
  const at = (text: string, width: number) => {
    let byWidth = memo.get(text);
    if (!byWidth) memo.set(text, (byWidth = new Map()));
    let hit = byWidth.get(width);
    if (!hit) byWidth.set(width, (hit = measureCell(text, width)));
    return hit;
  };
  // The width at which a cell's text stands on one line (asked again for every header in every move below).
  const oneLineMemo = new Map<string, number>();
  const oneLine = (text: string) => {
    let w = oneLineMemo.get(text);
    if (w !== undefined) return w;
    w = Math.max(MIN_CHARS, Math.ceil(visualWidth(text) * 2) / 2);
    while (at(text, w).count > 1) w += STEP;
    oneLineMemo.set(text, w);
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
    const cost = (c: number, width: number) => {
      const height = others[c]!;
      const rest = otherCosts[c]!;
      let sum = 0;
      for (let r = 0; r < texts.length; r++) {
        const cell = at(texts[r]![c]!, width);
        sum += rowCost(Math.max(height[r]!, cell.count), rest[r]! + cell.cost);
      }
      return sum;
    };
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
  // Asked for every pair of columns on every move: plain loops, no arrays (costs are whole numbers, so the order of the sums does not matter).
  const tableCost = () => {
    let sum = 0;
    for (const row of texts) {
      let height = -Infinity;
      let cost = 0;
      for (let c = 0; c < n; c++) {
        const cell = at(row[c]!, widths[c]!);
        if (cell.count > height) height = cell.count;
        cost += cell.cost;
      }
      sum += ROW_WEIGHT * height + cost;
    }
    return sum;
  };
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
