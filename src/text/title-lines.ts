/**
 * Breaking a long document title into lines a 文秘 would accept (GB/T 9704 §7.3.1):
 * shaped like a trapezoid or diamond, never breaking a word (ICU word segmentation), a number
 * or, where any shape allows it, a 《》 title.
 */
import { visualWidth } from './width.js';

/**
 * Places where a break may not fall: runs of Latin letters or digits, before closing punctuation,
 * after an opening mark, and (when `keepQuoted`) anywhere inside 《…》, “…”, （…）.
 */
function forbiddenBreaks(text: string, keepQuoted: boolean): Set<number> {
  const forbidden = new Set<number>();
  const chars = [...text];
  // Never inside a word: ICU's dictionary segmentation knows 经济 is one word.
  const boundaries = new Set<number>([0]);
  let at = 0;
  for (const { segment } of WORDS.segment(text)) {
    at += [...segment].length;
    boundaries.add(at);
  }
  for (let i = 1; i < chars.length; i++) if (!boundaries.has(i)) forbidden.add(i);
  let depth = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if ('《“（(〔'.includes(c)) depth++;
    if ('》”）)〕'.includes(c)) depth = Math.max(0, depth - 1);
    // A break at i means a new line starts with chars[i].
    if (keepQuoted && depth > 0) forbidden.add(i + 1);
    const next = chars[i + 1];
    if (next !== undefined && /[0-9A-Za-z.%]/.test(c) && /[0-9A-Za-z.%]/.test(next)) forbidden.add(i + 1);
    // Never start a line with closing punctuation or end one with an opening mark.
    if (next !== undefined && /[，。、：；！？）》”’〕]/.test(next)) forbidden.add(i + 1);
    if ('《“（(〔'.includes(c)) forbidden.add(i + 1);
  }
  return forbidden;
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words after which a title most naturally breaks. */
const GOOD_ENDINGS = ['关于', '的', '工作', '暨', '和', '与'];

/**
 * Splits a title into lines of at most `maxWidth` (in full-width characters).
 * Prefers balanced lines, a trapezoid with the shorter line on top, and a break after a natural word.
 */
export function breakTitle(text: string, maxWidth: number): string[] {
  if (visualWidth(text) <= maxWidth) return [text];
  const fewest = Math.ceil(visualWidth(text) / maxWidth);
  // Keep 《》 and quotes whole if any shape allows it (one more line if need be); a book title
  // wider than a line has to break, but still never inside a number or before punctuation.
  const attempts: [number, boolean][] = [
    [fewest, true],
    [fewest + 1, true],
    [fewest, false],
  ];
  for (const [lineCount, keepQuoted] of attempts) {
    if (lineCount > 3) continue;
    const lines = bestBreak(text, maxWidth, lineCount, forbiddenBreaks(text, keepQuoted));
    if (lines) return lines;
  }
  return greedy([...text], maxWidth);
}

function bestBreak(text: string, maxWidth: number, lineCount: number, forbidden: Set<number>): string[] | undefined {
  const chars = [...text];
  let best: { lines: string[]; score: number } | undefined;
  const consider = (breaks: number[]) => {
    if (breaks.some((b) => forbidden.has(b))) return;
    const bounds = [0, ...breaks, chars.length];
    const lines = bounds.slice(1).map((end, i) => chars.slice(bounds[i], end).join(''));
    const widths = lines.map(visualWidth);
    if (widths.some((w) => w > maxWidth || w === 0)) return;
    let score = Math.max(...widths) - Math.min(...widths);
    // Rectangles and hourglasses read badly; a trapezoid (short line on top) or diamond is preferred.
    if (lines.length === 2 && widths[0]! > widths[1]!) score += 1;
    if (lines.length === 3 && widths[1]! < widths[0]! && widths[1]! < widths[2]!) score += 3;
    for (const line of lines.slice(0, -1)) if (GOOD_ENDINGS.some((e) => line.endsWith(e))) score -= 1.5;
    if (!best || score < best.score) best = { lines, score };
  };
  if (lineCount === 2) {
    for (let b = 1; b < chars.length; b++) consider([b]);
  } else {
    for (let a = 1; a < chars.length; a++) for (let b = a + 1; b < chars.length; b++) consider([a, b]);
  }
  return best?.lines;
}

function greedy(chars: string[], maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const c of chars) {
    if (visualWidth(line + c) > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += c;
  }
  if (line) lines.push(line);
  return lines;
}
