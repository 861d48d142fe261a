/** Splitting multi-line plan text into paragraphs. */

/**
 * Each non-blank line of a block scalar is one paragraph. A 文秘 writes one paragraph per line;
 * blank lines between them are tolerated. Lines keep their text exactly, minus surrounding spaces
 * (indentation of a YAML block is not content).
 */
export function splitParagraphs(text: string | undefined): string[] {
  if (!text) return [];
  return paragraphRanges(text).map(({ start, end }) => text.slice(start, end));
}

/** Where each paragraph of splitParagraphs lies in the text: UTF-16 offsets [start, end). */
export function paragraphRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\r\n]+/g)) {
    const line = m[0];
    const start = m.index + (line.length - line.trimStart().length);
    const end = m.index + line.trimEnd().length;
    if (end > start) out.push({ start, end });
  }
  return out;
}

const END_PUNCTUATION = /[。！？；…!?]$|[。！？][”’」』）)]$/;

/** A lead sentence ends with 。 unless it already ends with sentence punctuation. */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return END_PUNCTUATION.test(trimmed) ? trimmed : `${trimmed}。`;
}
