/** How wide text is on the page, in full-width characters (a Han character is 1, a digit ½). */
export function visualWidth(text: string): number {
  let width = 0;
  for (const c of text) {
    const code = c.codePointAt(0)!;
    width += code < 0x2000 || (code >= 0xff61 && code <= 0xff9f) ? 0.5 : 1;
  }
  return width;
}

/** Han characters only: punctuation, digits, Latin letters and whitespace are not counted. */
export function countHan(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\p{Script=Han}/gu)) n++;
  return n;
}
