/** How wide text is on the page, in full-width characters (a Han character is 1, a digit ½). */
export function visualWidth(text: string): number {
  let width = 0;
  for (const c of text) {
    const code = c.codePointAt(0)!;
    width += code < 0x2000 || (code >= 0xff61 && code <= 0xff9f) ? 0.5 : 1;
  }
  return width;
}

/**
 * What each column of a table needs, in full-width characters: its header, or a typical cell (the
 * 80th percentile), whichever is wider. Not the longest cell: one long name may wrap, the rest
 * should not.
 */
export function typicalColumnWidths(header: readonly string[], rows: readonly (readonly string[])[]): number[] {
  return header.map((h, c) => {
    const ws = rows.map((r) => visualWidth(r[c] ?? '')).sort((a, b) => a - b);
    const typical = ws.length ? ws[Math.min(ws.length - 1, Math.floor(ws.length * 0.8))]! : 0;
    return Math.max(visualWidth(h), typical);
  });
}

/** Han characters only: punctuation, digits, Latin letters and whitespace are not counted. */
export function countHan(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\p{Script=Han}/gu)) n++;
  return n;
}

/** Text cut to at most `columns` terminal columns (a Han character takes two), ending in “…” when cut. */
export function fitColumns(text: string, columns: number): string {
  if (visualWidth(text) * 2 <= columns) return text;
  let out = '';
  for (const c of text) {
    if ((visualWidth(out + c) + 1) * 2 > columns) break;
    out += c;
  }
  return `${out}…`;
}

/** Text padded with spaces to `columns` terminal columns. */
export function padColumns(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - visualWidth(text) * 2));
}
