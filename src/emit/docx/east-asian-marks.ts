/**
 * Chinese punctuation that shares its code point with Western text, and how Word is told to set it
 * in the Chinese font. What a user sees without it: docs/word-fonts.md.
 *
 * A run names four fonts (ECMA-376 Part 1, 17.3.2.26 rFonts): ascii, hAnsi, eastAsia and cs; ours
 * are Times New Roman for the Western slots and 仿宋_GB2312, 黑体, 楷体_GB2312 or 小标宋 for eastAsia
 * (fonts.ts). Which slot a character takes is Word's own rule, written down in [MS-OI29500] §2.1.88
 * (“Part 1 Section 17.3.2.26, rFonts”): Han characters, CJK punctuation (U+3000–U+303F) and the
 * full-width forms (U+FF00–U+FFEF) always take eastAsia, Basic Latin always takes ascii, and for
 * most other characters, among them all of General Punctuation (U+2000–U+206F) and the Latin-1
 * symbols listed below, Word takes hAnsi unless the run's `w:hint` is `eastAsia`. So without a hint
 * the 引号 “ ” ‘ ’, the 破折号 ——, the 省略号 …… and the 间隔号 · of a Chinese sentence print in
 * Times New Roman: narrow Western quotes, a thin short dash, low dots (WPS, as offices report, does
 * the same). LibreOffice classifies by its own rules: a “weak” character takes the script of the
 * text before it (a quote or a dash after Han text comes out Chinese, one opening a paragraph
 * Western), U+00B7 is Latin wherever it stands, and 7.4 reads no `w:hint` at all (writerfilter's
 * handler is a “TODO: unsupported?”; later versions turn it into a script hint for weak characters).
 * So what LibreOffice renders, and what the tests measure with it, does not show the difference.
 *
 * The emitter (runs.ts) gives every run that holds one of SHARED_MARKS `w:hint="eastAsia"`. Digits and
 * Latin letters (Basic Latin) keep ascii, hint or not. A hint would also move the other hint-sensitive
 * characters of its run (° × α ‰ → é …) to the Chinese font, so where a run holds both, it is cut
 * between them and only the marks' pieces carry the hint: no other character changes its font.
 */

/**
 * The Chinese punctuation marks (GB/T 15834-2011) whose code points Western text uses too, so Word
 * sets them by the hint. Each is in a hint-sensitive range of [MS-OI29500] §2.1.88.
 */
export const SHARED_MARKS: ReadonlyMap<string, string> = new Map([
  ['\u201C', '“ 引号（双，前）'],
  ['\u201D', '” 引号（双，后）'],
  ['\u2018', '‘ 引号（单，前）'],
  ['\u2019', '’ 引号（单，后）'],
  ['\u2014', '— 破折号（两个一组）、连接号（一字线）'],
  // GB 2312 0xA1AA, the 破折号, maps to U+2015 in Unicode's own GB2312 table (to U+2014 in GBK):
  // text from older converters carries it.
  ['\u2015', '― 破折号（U+2015，部分 GB 2312 转换表）'],
  ['\u2026', '… 省略号（两个一组）'],
  ['\u00B7', '· 间隔号'],
  // Big5 0xA145, the 間隔號 of 繁体 text.
  ['\u2027', '‧ 间隔号（繁体，Big5）'],
]);

const MARK_PATTERN = new RegExp(`[${[...SHARED_MARKS.keys()].join('')}]`, 'u');

/** True when `text` holds one of SHARED_MARKS. */
export const holdsSharedMark = (text: string): boolean => MARK_PATTERN.test(text);

/**
 * Code points whose font a `w:hint="eastAsia"` changes in Word ([MS-OI29500] §2.1.88): Latin-1
 * symbols and (for Chinese text) accented vowels, Latin Extended-A/B, IPA, spacing modifiers,
 * combining marks, Greek, Cyrillic, Latin Extended Additional, General Punctuation through
 * Dingbats and Supplemental Punctuation (U+2000–U+2E7F; from U+2E80 on it is CJK, eastAsia always),
 * the Private Use Area and the Latin ligatures. A superset where the table is conditional (on the
 * run's language or the font's character set): cutting a run where it was not needed changes no font.
 */
const HINT_SENSITIVE: readonly (readonly [number, number])[] = [
  [0x00a1, 0x00a1],
  [0x00a4, 0x00a4],
  [0x00a7, 0x00a8],
  [0x00aa, 0x00aa],
  [0x00ad, 0x00ad],
  [0x00af, 0x00b4],
  [0x00b6, 0x00ba],
  [0x00bc, 0x00bf],
  [0x00d7, 0x00d7],
  [0x00e0, 0x00e1],
  [0x00e8, 0x00ea],
  [0x00ec, 0x00ed],
  [0x00f2, 0x00f3],
  [0x00f7, 0x00f7],
  [0x00f9, 0x00fa],
  [0x00fc, 0x00fc],
  [0x0100, 0x04ff],
  [0x1e00, 0x1eff],
  [0x2000, 0x2e7f],
  [0xe000, 0xf8ff],
  [0xfb00, 0xfb1c],
];

/** True when Word sets `char` by the run's hint ([MS-OI29500] §2.1.88). */
export function isHintSensitive(char: string): boolean {
  const code = char.codePointAt(0)!;
  return HINT_SENSITIVE.some(([from, to]) => code >= from && code <= to);
}

/**
 * `text` cut into pieces for runs: `hint` on the pieces that hold a shared mark and no other
 * hint-sensitive character. Text without a mark is one piece without a hint, as before; text whose
 * only hint-sensitive characters are marks is one piece with it. Characters the hint does not
 * touch (Han, CJK punctuation, digits, Latin letters) stay with the piece before them.
 */
export function hintPieces(text: string): { text: string; hint: boolean }[] {
  if (!holdsSharedMark(text)) return [{ text, hint: false }];
  const pieces: { text: string; hint: boolean | undefined }[] = [{ text: '', hint: undefined }];
  for (const char of text) {
    const wants = SHARED_MARKS.has(char) ? true : isHintSensitive(char) ? false : undefined;
    const current = pieces[pieces.length - 1]!;
    if (wants !== undefined && current.hint !== undefined && current.hint !== wants) {
      pieces.push({ text: char, hint: wants });
    } else {
      current.text += char;
      if (wants !== undefined) current.hint = wants;
    }
  }
  return pieces.map((p) => ({ text: p.text, hint: p.hint === true }));
}
