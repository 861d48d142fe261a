/**
 * A paragraph must not end with one character alone on its last line (…的智慧和力 / 量。): a 文秘
 * sends such a page back. GB/T 15834-2011 §5.1.11 says what to do: compress the punctuation so
 * the last character does not wrap. Widow/orphan control does not help (it is about pages), Word's
 * and WPS's punctuation compression does not reach back a line, and LibreOffice has none; so the
 * emitter does it. It estimates the line breaks (text/line-breaks.ts), and where the last line
 * would be a lone character it compresses 点号 on the line above to half a character, from the
 * line's end back, until the character fits; where the line has too few, it also condenses that
 * line's characters a little (字间距紧缩), as offices do by hand.
 */
import { type Line, breakLines, endsWithLoneCharacter, type LineOptions } from '../../text/line-breaks.js';
import { CHAR_PITCH_PT, CONDENSE_PT, SIZE_PT, TYPE_AREA_MM, mmToPt } from './gbt9704.js';

/** Punctuation whose right half is blank in a Chinese font, so it can give that half away. */
const COMPRESSIBLE = '，。、；：！？）》」』】〕”’';
/** Most a line's characters are condensed, in points (on top of CONDENSE_PT). */
const MAX_SQUEEZE_PT = 0.75;
/** Slack kept against a client breaking a little earlier than estimated, in cells. */
const MARGIN_CELLS = 0.15;
/** LibreOffice's Asian–Western space where a digit follows Chinese, in cells (Word and WPS add none). */
const AUTOSPACE_CELLS = 0.2;

/** What to do to a paragraph: punctuation to compress by half a character, and characters to condense. */
export interface LastLineFit {
  /** Code-point indexes of 点号 to compress. */
  compress: number[];
  /** Characters [from, to) to condense by `pt` more. */
  squeeze: { from: number; to: number; pt: number } | null;
}

const LINE_CELLS = mmToPt(TYPE_AREA_MM.width) / CHAR_PITCH_PT;
const HALF_CELLS = (SIZE_PT.sanhao / 2 - CONDENSE_PT) / CHAR_PITCH_PT;

function estimates(text: string, indentChars: number, narrower?: (i: number) => number): Line[][] {
  const options: LineOptions = { first: LINE_CELLS - indentChars, width: LINE_CELLS, half: HALF_CELLS, ...(narrower ? { narrower } : {}) };
  return [breakLines(text, options), breakLines(text, { ...options, autospace: AUTOSPACE_CELLS })];
}

/**
 * How to keep the paragraph `text` (first line indented `indentChars`) from ending with a lone
 * character, or null when it does not (or when it cannot be helped within MAX_SQUEEZE_PT).
 */
export function fitLastLine(text: string, indentChars: number): LastLineFit | null {
  const plain = estimates(text, indentChars);
  const runt = plain.find(endsWithLoneCharacter);
  if (!runt) return null;
  const lines = Math.max(...plain.map((l) => l.length));
  const chars = [...text];
  const above = runt[runt.length - 2]!;
  // The line above takes the lone character and what follows it: a 点号 there hangs in
  // LibreOffice, and Word and WPS (which may not hang it) compress it to half a character.
  const last = runt[runt.length - 1]!;
  let need = 1 + MARGIN_CELLS;
  for (let i = last.start + 1; i < last.end; i++) need += COMPRESSIBLE.includes(chars[i]!) ? 0.5 : 1;
  // Room already left on the line above (it may end short of the margin).
  const candidates: number[] = [];
  for (let i = above.end - 1; i >= above.start; i--) if (COMPRESSIBLE.includes(chars[i]!)) candidates.push(i);
  const compress = candidates.slice(0, Math.ceil(need / 0.5));
  const rest = Math.max(0, need - 0.5 * compress.length);
  const count = above.end - above.start + 1;
  // LibreOffice leaves the last character of every run uncondensed: count a character less for
  // each run the line is cut into (one before and one after each compressed 点号).
  const condensed = count - 2 * compress.length - 1;
  const pt = condensed > 0 ? Math.ceil(((rest * CHAR_PITCH_PT) / condensed) * 20) / 20 : rest > 0 ? Infinity : 0;
  if (pt > MAX_SQUEEZE_PT) return null;
  const fit: LastLineFit = { compress: compress.sort((a, b) => a - b), squeeze: pt > 0 ? { from: above.start, to: last.start + 1, pt } : null };
  // Check: every estimate now ends a line earlier, without a lone character.
  const squeezed = estimates(text, indentChars, (i) => narrowerBy(fit, i));
  return squeezed.every((l) => l.length < lines && !endsWithLoneCharacter(l)) ? fit : null;
}

/** What the fit does to the character at index `i`. */
export function tightening(fit: LastLineFit, i: number): 'compress' | 'squeeze' | 'none' {
  if (fit.compress.includes(i)) return 'compress';
  if (fit.squeeze && i >= fit.squeeze.from && i < fit.squeeze.to) return 'squeeze';
  return 'none';
}

/** Cells the fit takes off the character at index `i`. */
function narrowerBy(fit: LastLineFit, i: number): number {
  const kind = tightening(fit, i);
  return kind === 'compress' ? 0.5 : kind === 'squeeze' ? fit.squeeze!.pt / CHAR_PITCH_PT : 0;
}
