/**
 * Characters no document may carry. XML 1.0 (§2.2, the Char production) forbids the C0 controls
 * other than TAB, LF and CR, lone surrogates, U+FFFE and U+FFFF: a .docx or .xlsx part holding one
 * is not well-formed, and Word and LibreOffice refuse the file.
 *
 * XML 1.0 allows, but asks authors to avoid, DEL and the C1 controls (U+007F–U+009F) and the
 * other Unicode noncharacters (U+FDD0–U+FDEF, U+nFFFE, U+nFFFF). We treat them the same way: none
 * of them is ever text in an official document. C1 controls come from text decoded in the wrong
 * encoding (U+0085 is “…” in Windows-1252 read as Latin-1), they print as nothing or as a box,
 * and XML 1.1 forbids them outright. One set keeps the promise simple: what `invalid-char`
 * reports is exactly what no output contains.
 */

export type InvalidCharKind = 'control' | 'surrogate' | 'noncharacter';

export interface InvalidChar {
  /** UTF-16 offset in the string. */
  index: number;
  /** The character itself (one UTF-16 unit, or two for a supplementary noncharacter). */
  char: string;
  codePoint: number;
  kind: InvalidCharKind;
  /** XML 1.0 forbids it outright (a part that holds it is not well-formed). */
  forbidden: boolean;
}

/** U+1FFFE, U+1FFFF … U+10FFFE, U+10FFFF: the last two code points of planes 1 to 16. */
const PLANE_ENDS = Array.from({ length: 16 }, (_, i) => `\\u{${(i + 1).toString(16)}fffe}\\u{${(i + 1).toString(16)}ffff}`).join('');

/**
 * With the `u` flag a surrogate range matches only a surrogate that is not half of a pair, so a
 * well-formed emoji or rare 汉字 outside the BMP never matches.
 */
const INVALID_SOURCE = `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ud800-\\udfff\\ufdd0-\\ufdef\\ufffe\\uffff${PLANE_ENDS}]`;
const INVALID_TEST = new RegExp(INVALID_SOURCE, 'u');

/** True for a code point that no output may carry. */
export function isInvalidCodePoint(codePoint: number): boolean {
  return (
    (codePoint < 0x20 && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d) ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff) ||
    (codePoint >= 0xfdd0 && codePoint <= 0xfdef) ||
    (codePoint & 0xfffe) === 0xfffe
  );
}

/** True when the string holds at least one character no output may carry. */
export function hasInvalidChars(text: string): boolean {
  return INVALID_TEST.test(text);
}

/** Every such character of the string, in order. */
export function findInvalidChars(text: string): InvalidChar[] {
  if (!INVALID_TEST.test(text)) return [];
  const out: InvalidChar[] = [];
  for (const m of text.matchAll(new RegExp(INVALID_SOURCE, 'gu'))) {
    const codePoint = m[0].codePointAt(0)!;
    const kind: InvalidCharKind = codePoint >= 0xd800 && codePoint <= 0xdfff ? 'surrogate' : codePoint < 0xa0 ? 'control' : 'noncharacter';
    const forbidden = kind === 'surrogate' || codePoint < 0x20 || codePoint === 0xfffe || codePoint === 0xffff;
    out.push({ index: m.index, char: m[0], codePoint, kind, forbidden });
  }
  return out;
}

/** The string without those characters; the same string when it has none. */
export function removeInvalidChars(text: string): string {
  return INVALID_TEST.test(text) ? text.replace(new RegExp(INVALID_SOURCE, 'gu'), '') : text;
}

/**
 * A copy of plain data (arrays, objects, strings) with every string cleaned; the same object when
 * nothing needed cleaning, so the common case costs a scan and no copies.
 */
export function removeInvalidCharsDeep<T>(value: T): T {
  if (typeof value === 'string') return removeInvalidChars(value) as T;
  if (Array.isArray(value)) {
    const mapped = value.map((v: unknown) => removeInvalidCharsDeep(v));
    return (mapped.some((v, i) => v !== value[i]) ? mapped : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, removeInvalidCharsDeep(v)] as const);
    const changed = entries.some(([k, v]) => v !== (value as Record<string, unknown>)[k]);
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}

/** U+000B, U+FFFF, U+1FFFE: how the messages name a code point. */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The string with each such character, and CR, shown as its code point (⟨U+001B⟩): for a
 * terminal row. A message that quotes a user's text must not let an ESC in that text
 * recolour, move or clear the user's terminal.
 */
export function showInvalidChars(text: string): string {
  return text.includes('\r') || hasInvalidChars(text)
    ? text.replace(new RegExp(`\\r|${INVALID_SOURCE}`, 'gu'), (c) => `⟨${formatCodePoint(c.codePointAt(0)!)}⟩`)
    : text;
}
