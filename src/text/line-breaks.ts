/**
 * Where a word processor breaks a paragraph of Chinese into lines, estimated: characters fill the
 * line; a 点号 that does not fit stays at the line's end (compressed by Word and WPS, hung by
 * LibreOffice); a character that may not start a line (避头) takes the previous one along, one
 * that may not end a line (避尾) moves down; digits stay together and with the unit after them
 * (units.ts). Widths are in cells of the line grid (a Han character is 1).
 */
import { unitLength } from './units.js';

/** 点号 a line may end with even when the line is full. */
export const END_PUNCTUATION = '，。、．,.';
/** Characters that may not start a line. */
const NO_START = '，。、；：？！）》」』】〕”’…—·,.;:?!)%％';
/** Characters that may not end a line. */
const NO_END = '（《「『【〔“‘(';

export interface LineOptions {
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

export interface Line {
  /** Code-point index of the line's first character. */
  start: number;
  /** Code-point index after its last character. */
  end: number;
  text: string;
}

const isHalf = (code: number) => code < 0x2000;
/** A digit or Latin letter: starts a group that does not break. */
const isAlnum = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
/** A character that continues such a group: digits, letters and . , % (2.5, 1,000, 95%). */
const continuesAlnum = (code: number) => isAlnum(code) || code === 0x2e || code === 0x2c || code === 0x25;
const codeSet = (chars: string) => new Set([...chars].map((c) => c.codePointAt(0)!));
// Sets of code points: the test runs once per character of every paragraph and table cell.
const END_CODES = codeSet(END_PUNCTUATION);
const NO_START_CODES = codeSet(NO_START);
const NO_END_CODES = codeSet(NO_END);

/**
 * Group boundaries that never break inside (code-point indexes; group k is [starts[k], starts[k+1])),
 * the same as units.ts's unitLength over the characters.
 */
function groupStarts(codes: readonly number[], chars: readonly string[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i < codes.length; ) {
    starts.push(i);
    let end = i + 1;
    if (isAlnum(codes[i]!)) {
      while (end < codes.length && continuesAlnum(codes[end]!)) end++;
      // unitLength looks only behind a digit: skip the call when the group ends in none.
      const before = codes[end - 1]!;
      if (before >= 0x30 && before <= 0x39) end += unitLength(chars, end);
    }
    i = end;
  }
  starts.push(codes.length);
  return starts;
}

/** The lines `text` would break into. */
export function breakLines(text: string, options: LineOptions): Line[] {
  const { first, width, half, autospace = 0, narrower, hang = true } = options;
  const chars: string[] = [];
  const codes: number[] = [];
  // UTF-16 offset of each code point (and of the end), to cut a line's text out of `text`.
  const offsets: number[] = [];
  let offset = 0;
  for (const c of text) {
    chars.push(c);
    const code = c.codePointAt(0)!;
    codes.push(code);
    offsets.push(offset);
    offset += code > 0xffff ? 2 : 1;
  }
  offsets.push(offset);
  const starts = groupStarts(codes, chars);
  const count = starts.length - 1;
  // Each group's width, summed in the order the characters come (the sums must not drift by a rounding).
  const widths = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const s = starts[k]!;
    const e = starts[k + 1]!;
    let w = 0;
    for (let i = s; i < e; i++) w += (isHalf(codes[i]!) ? half : 1) - (narrower ? narrower(i) : 0);
    // LibreOffice's space where a digit or letter follows Chinese.
    if (autospace && s > 0 && isHalf(codes[s]!) && !isHalf(codes[s - 1]!)) w += autospace;
    widths[k] = w;
  }
  // A line is a run of whole groups: lineStarts[j] is the first group of line j; the last line is open.
  const lineStarts: number[] = [0];
  let used = 0;
  for (let g = 0; g < count; g++) {
    const w = widths[g]!;
    const lineStart = lineStarts[lineStarts.length - 1]!;
    const length = g - lineStart;
    const room = (lineStarts.length === 1 ? first : width) + 1e-6;
    const single = starts[g + 1]! - starts[g]! === 1;
    const code = codes[starts[g]!]!;
    if (used + w <= room || length === 0 || (hang && single && END_CODES.has(code))) {
      used += w;
      continue;
    }
    // A new line, taking along the character this group may not follow (避头) and any that may
    // not end a line (避尾).
    let next = g;
    if (single && NO_START_CODES.has(code) && next - lineStart > 1) next--;
    while (next - lineStart > 1 && NO_END_CODES.has(codes[starts[next - 1]!]!)) next--;
    lineStarts.push(next);
    used = 0;
    for (let k = next; k < g; k++) used += widths[k]!;
    used += w;
  }
  if (count === 0) return [];
  const out: Line[] = [];
  for (let j = 0; j < lineStarts.length; j++) {
    const start = starts[lineStarts[j]!]!;
    const end = starts[j + 1 < lineStarts.length ? lineStarts[j + 1]! : count]!;
    out.push({ start, end, text: text.slice(offsets[start], offsets[end]) });
  }
  return out;
}

/** True when the last line is one Han character with only punctuation after it (…力 / 量。). */
export function endsWithLoneCharacter(lines: readonly Line[]): boolean {
  if (lines.length < 2) return false;
  const last = [...lines[lines.length - 1]!.text];
  return /\p{Script=Han}/u.test(last[0]!) && last.slice(1).every((c) => NO_START.includes(c));
}
