/**
 * Text → runs that keep a number with its unit (1000人, 研修班3期, 2025年, 〔2025〕1号).
 *
 * Chinese may break between any two characters, and Word, WPS and LibreOffice all break between a
 * digit and the Han character after it. Two things, together, stop that in every client:
 * - U+2060 WORD JOINER between the digit and the unit: a line may not break at a joiner (UAX #14,
 *   class WJ). Word and WPS draw nothing for it; it is in the .docx only, never in .md, .csv or .xlsx.
 * - the unit's run tagged as Western text for East Asian rules (`w:lang w:eastAsia="en-US"`).
 *   LibreOffice breaks Chinese text with its own CJK iterator, which honours nothing but its
 *   forbidden-character lists (i18npool breakiterator_cjk.cxx), and picks it by the language of the
 *   text at the break; under a Western language it uses ICU's line breaker, which honours the joiner.
 *   Fonts are named explicitly, so the tag changes neither the face nor the size in any client.
 * The joiner also keeps LibreOffice from putting its Asian–Western space between the digit and the
 * unit (it ignores autoSpaceDE/DN, which Word and WPS honour).
 *
 * Every run that holds a 引号, 破折号, 省略号 or 间隔号 carries `w:hint="eastAsia"`, so Word and WPS
 * set those marks in the run's Chinese font, not in Times New Roman (east-asian-marks.ts).
 */
import { type IRunOptions, TextRun } from 'docx';
import { unitLength } from '../../text/units.js';
import { hintPieces } from './east-asian-marks.js';

export const WORD_JOINER = '\u2060';

type RunProps = Omit<IRunOptions, 'text' | 'children'>;

/** The pieces of `text`: plain ones, and units that follow a digit (joined to it). */
export function splitUnits(text: string): { text: string; unit: boolean }[] {
  const pieces: { text: string; unit: boolean }[] = [];
  let plain = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const length = unitLength(chars, i);
    if (length > 0) {
      if (plain) pieces.push({ text: plain, unit: false });
      plain = '';
      pieces.push({ text: WORD_JOINER + chars.slice(i, i + length).join(WORD_JOINER), unit: true });
      i += length - 1;
    } else {
      plain += c;
    }
  }
  if (plain) pieces.push({ text: plain, unit: false });
  return pieces;
}

/** Runs for `text` with `props`, each unit after a digit joined to it as the module comment says. */
export function textRuns(text: string, props: RunProps = {}): TextRun[] {
  return splitUnits(text).flatMap((piece) => hintedRuns(piece.text, piece.unit ? { ...props, language: { eastAsia: 'en-US' } } : props));
}

/**
 * Runs for `text` with `props`, the shared marks in the Chinese font: one run where the text holds
 * none (exactly as before) or nothing else the hint would move, else cut as hintPieces says.
 */
export function hintedRuns(text: string, props: RunProps = {}): TextRun[] {
  return hintPieces(text).map((piece) => new TextRun({ ...props, text: piece.text, ...(piece.hint ? { font: withEastAsiaHint(props.font) } : {}) }));
}

/** The run's fonts with `w:hint="eastAsia"`: the same names, or the style's where the run names none. */
function withEastAsiaHint(font: RunProps['font']): NonNullable<RunProps['font']> {
  if (font === undefined) return { hint: 'eastAsia' };
  if (typeof font === 'string') return { name: font, hint: 'eastAsia' };
  if ('theme' in font) throw new Error('theme fonts are never used: Word and WPS let them win over names');
  return { ...font, hint: 'eastAsia' };
}

/** The text a reader sees, without the joiners: what pandoc's plain text gives once they are taken out. */
export const withoutJoiners = (text: string): string => text.replaceAll(WORD_JOINER, '');
