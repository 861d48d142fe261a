/**
 * The one Markdown escaper: plan text is always text in CommonMark, never structure, whether it
 * goes into a template's Markdown, a paragraph of the .md output or a table cell.
 */

// Every ASCII character that can open or close an inline construct (`|` ends a table cell),
// plus entity and HTML starts, and the braces of template syntax.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&{}#!]/g;

export interface EscapeOptions {
  /** The text starts a line, where list markers, numbers and setext lines would become blocks. */
  atLineStart?: boolean;
}

/**
 * Escapes one line of text for use inside a Markdown line. A line break would end the paragraph,
 * the table row or the heading, so it becomes a space.
 */
export function escapeMarkdown(text: string, { atLineStart = true }: EscapeOptions = {}): string {
  let out = text.replace(INLINE_SPECIAL, (c) => `\\${c}`);
  if (atLineStart) {
    out = out.replace(/^(\s*)([-+=])/, '$1\\$2');
    out = out.replace(/^(\s*\d+)([.)])/, '$1\\$2');
  }
  return out.replace(/\r\n?|\n/g, ' ');
}
