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
export function breakLines(text: string, options: LineOptions): Line[] {
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

/** True when the last line is one Han character with only punctuation after it (…力 / 量。). */
export function endsWithLoneCharacter(lines: readonly Line[]): boolean {
  if (lines.length < 2) return false;
  const last = [...lines[lines.length - 1]!.text];
  return /\p{Script=Han}/u.test(last[0]!) && last.slice(1).every((c) => NO_START.includes(c));
}
