/** Splitting multi-line plan text into paragraphs. */

/**
 * Each non-blank line of a block scalar is one paragraph. A 文秘 writes one paragraph per line;
 * blank lines between them are tolerated. Lines keep their text exactly, minus surrounding spaces
 * (indentation of a YAML block is not content).
 */
export function splitParagraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

const END_PUNCTUATION = /[。！？；…!?]$|[。！？][”’」』）)]$/;

/** A lead sentence ends with 。 unless it already ends with sentence punctuation. */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return END_PUNCTUATION.test(trimmed) ? trimmed : `${trimmed}。`;
}
