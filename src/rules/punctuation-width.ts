/**
 * punctuation-width: half-width punctuation touching Chinese text, as pasted from the web.
 * Numbers (3.5, 1,000), times (9:30), URLs, e-mail addresses and English phrases are left alone.
 */
import { sourceEdits, spanInString, textFields } from './text-fields.js';
import { defineRule, type Edit, type Finding } from './types.js';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…—]/u;
const PROTECTED = [/https?:\/\/[^\s\p{Script=Han}，。；“”（）]+/gu, /www\.[^\s\p{Script=Han}，。；“”（）]+/gu, /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g];

function protectedRanges(text: string): [number, number][] {
  return PROTECTED.flatMap((re) => [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as [number, number]));
}

/** Every character the rule can correct; most strings of a plan have none, and skip the scan. */
const CANDIDATE = /[,:;?!()."'-]/;
/** Marks that chain: next to each other, they are all Chinese punctuation or none is. */
const MARK = /^[,:;?!().-]$/;

/** All corrections, as edits on the string. */
export function punctuationEdits(text: string): Edit[] {
  if (!CANDIDATE.test(text)) return [];
  const guard = protectedRanges(text);
  const isGuarded = (i: number) => guard.some(([a, b]) => i >= a && i < b);
  const chars = [...text];
  // Work in UTF-16 offsets (what edits use) while looking at whole characters.
  const offsets: number[] = [];
  let o = 0;
  for (const c of chars) {
    offsets.push(o);
    o += c.length;
  }
  const isCjk = (i: number) => i >= 0 && i < chars.length && CJK.test(chars[i]!);
  // A run of marks that touches Chinese (“统战?;:--”) is Chinese punctuation as a whole, so one
  // pass fixes all of it instead of one mark per --fix pass.
  const chained = new Array<boolean>(chars.length).fill(false);
  for (let a = 0; a < chars.length; ) {
    if (!MARK.test(chars[a]!)) {
      a++;
      continue;
    }
    let b = a;
    while (b < chars.length && MARK.test(chars[b]!)) b++;
    if (isCjk(a - 1) || isCjk(b)) chained.fill(true, a, b);
    a = b;
  }
  const cjkAt = (i: number) => isCjk(i) || (i >= 0 && i < chars.length && chained[i]!);
  const edits: Edit[] = [];
  const edit = (i: number, len: number, textOut: string, eatSpace = false) => {
    let end = offsets[i]! + chars.slice(i, i + len).join('').length;
    // A pasted “要求, 推进” also carries a space the full-width mark makes redundant.
    if (eatSpace && chars[i + len] === ' ' && cjkAt(i + len + 1)) end += 1;
    edits.push({ start: offsets[i]!, end, text: textOut });
  };

  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (isGuarded(offsets[i]!)) continue;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const near = cjkAt(i - 1) || cjkAt(i + 1) || (next === ' ' && cjkAt(i + 2));
    if (c in FULL && near) {
      const digits = prev !== undefined && next !== undefined && /\d/.test(prev) && /\d/.test(next);
      if ((c === ',' || c === ':') && digits) continue; // 1,000 and 9:30
      edit(i, 1, FULL[c]!, c !== '(');
    } else if (c === '.' && chars[i + 1] === '.' && chars[i + 2] === '.') {
      let n = 3;
      while (chars[i + n] === '.') n++;
      if (cjkAt(i - 1) || cjkAt(i + n)) edit(i, n, '……');
      i += n - 1;
    } else if (c === '-' && next === '-' && chars[i + 2] !== '-') {
      if (cjkAt(i - 1) || cjkAt(i + 2)) edit(i, 2, '——');
      i += 1;
    }
  }
  // concat, not push(...): a pasted megabyte can hold more quotes than a call takes arguments.
  return edits.concat(quoteEdits(text, chars, offsets, cjkAt, isGuarded)).sort((a, b) => a.start - b.start);
}

/** Straight quotes in Chinese text become paired curly quotes: "…" → “…”, '…' → ‘…’. */
function quoteEdits(
  text: string,
  chars: string[],
  offsets: number[],
  cjkAt: (i: number) => boolean,
  isGuarded: (i: number) => boolean,
): Edit[] {
  const out: Edit[] = [];
  for (const [straight, open, close] of [
    ['"', '“', '”'],
    ["'", '‘', '’'],
  ] as const) {
    const at = chars.flatMap((c, i) => (c === straight && !isGuarded(offsets[i]!) ? [i] : []));
    // Pairs only, and only where Chinese is involved: an English apostrophe is not a quote.
    if (at.length === 0 || at.length % 2 !== 0) continue;
    if (!at.some((i) => cjkAt(i - 1) || cjkAt(i + 1))) continue;
    at.forEach((i, k) => out.push({ start: offsets[i]!, end: offsets[i]! + 1, text: k % 2 === 0 ? open : close }));
  }
  return out;
}

export const punctuationWidth = defineRule('punctuation-width', ({ loaded }) => {
  const findings: Finding[] = [];
  for (const { path, value } of textFields(loaded.plan, { prose: true })) {
    if (typeof path[path.length - 2] === 'string' && path[path.length - 2] === 'values') continue;
    for (const e of punctuationEdits(value)) {
      const found = value.slice(e.start, e.end).trimEnd();
      findings.push({
        path,
        message: `中文里使用了半角标点“${found}”，应为全角“${e.text}”`,
        span: spanInString(loaded, path, e.start, e.end),
        edits: sourceEdits(loaded, path, [e]),
      });
    }
  }
  return findings;
});
