/**
 * Escaping plan text so that it is always text in CommonMark, never structure.
 * This replaces Handlebars' HTML escaping (which would turn “&” into “&amp;” in a .docx).
 */

// Every ASCII character that can open or close an inline construct, plus entity and HTML starts.
const INLINE_SPECIAL = /[\\`*_[\]<>|~&{}#!]/g;

/** Escapes one line of plan text for use anywhere inside a Markdown line. */
export function escapeMarkdown(text: string): string {
  let out = text.replace(INLINE_SPECIAL, (c) => `\\${c}`);
  // Block starts only matter at the start of a line: list markers, ordered-list numbers, setext/thematic lines.
  out = out.replace(/^(\s*)([-+=])/, '$1\\$2');
  out = out.replace(/^(\s*\d+)([.)])/, '$1\\$2');
  // Line breaks inside a one-line field would end the paragraph or start a block; they become spaces.
  return out.replace(/\r\n?|\n/g, ' ');
}

/** Handlebars' `{{x}}` contract: null → '', SafeString passes through, everything else escaped. */
export function escapeExpressionForMarkdown(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'object' && 'toHTML' in value && typeof (value as { toHTML: unknown }).toHTML === 'function') {
    return String((value as { toHTML(): unknown }).toHTML());
  }
  return escapeMarkdown(String(value));
}
