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
import { DeletedTextRun, type IRunOptions, InsertedTextRun, TextRun } from 'docx';
import type { Change, Run } from '../../markdown/blocks.js';
import { unitLength } from '../../text/units.js';
import { hintPieces } from './east-asian-marks.js';

export const WORD_JOINER = '\u2060';

type RunProps = Omit<IRunOptions, 'text' | 'children'>;

/** What makes one run from its options: a plain run, or one inside a tracked change. */
type MakeRun = (options: IRunOptions) => TextRun | InsertedTextRun | DeletedTextRun;

const plainRun: MakeRun = (options) => new TextRun(options);

/**
 * Who made a redline's changes, and when; `nextId` numbers every w:ins and w:del of the document
 * (the ids must be unique within it, ECMA-376 Part 1, 17.13.1).
 */
export interface RevisionMarks {
  author: string;
  /** ISO 8601, as w:date wants it. */
  date: string;
  nextId(): number;
}

/** The w:ins or w:del attributes of one change (a paragraph mark's or a row's too). */
export const changeAttributes = (marks: RevisionMarks) => ({ id: marks.nextId(), author: marks.author, date: marks.date });

/** A paragraph's own mark (its pilcrow) as inserted or deleted, so accepting or rejecting removes the paragraph too. */
export function paragraphMarkOf(mark: Change | undefined, marks: RevisionMarks | undefined): { run?: { insertion?: ReturnType<typeof changeAttributes>; deletion?: ReturnType<typeof changeAttributes> } } {
  if (!mark || !marks) return {};
  return { run: mark === 'ins' ? { insertion: changeAttributes(marks) } : { deletion: changeAttributes(marks) } };
}

/** `{ change }` when there is one, for spreading into a Run. */
export const changeOf = (change: Change | undefined): { change?: Change } => (change ? { change } : {});

function makerFor(change: Change | undefined, marks: RevisionMarks | undefined): MakeRun {
  if (!change || !marks) return plainRun;
  return change === 'ins'
    ? (options) => new InsertedTextRun({ ...options, ...changeAttributes(marks) })
    : (options) => new DeletedTextRun({ ...options, ...changeAttributes(marks) });
}

/**
 * The pieces of `text`: plain ones, and units that follow a digit (joined to it). `before` is the
 * character the reader sees just before the text (a run cut out of a word-by-word diff: “场” after
 * a changed “3”), so a unit at the start is joined too.
 */
export function splitUnits(text: string, before = ''): { text: string; unit: boolean }[] {
  const pieces: { text: string; unit: boolean }[] = [];
  let plain = '';
  const lead = before ? [...before].slice(-1) : [];
  const chars = [...lead, ...text];
  for (let i = lead.length; i < chars.length; i++) {
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
export function textRuns(text: string, props: RunProps = {}, make: MakeRun = plainRun, before = ''): (TextRun | InsertedTextRun | DeletedTextRun)[] {
  return splitUnits(text, before).flatMap((piece) => hintedRuns(piece.text, piece.unit ? { ...props, language: { eastAsia: 'en-US' } } : props, make));
}

/**
 * A redline's runs: each as textRuns makes it, inside a w:ins or w:del where it is a change
 * (Word, WPS and LibreOffice list them in their 修订 pane). `props` may depend on the run (bold).
 */
export function changedRuns(runs: readonly Run[], props: (run: Run) => RunProps, marks: RevisionMarks | undefined) {
  // What precedes a run depends on the view: an inserted run follows the text as accepted (no
  // deletions), a deleted one the text as rejected (no insertions), a kept one either.
  let accepted = '';
  let rejected = '';
  return runs.flatMap((run) => {
    const digit = (text: string) => (/[0-9]$/.test(text) ? text.slice(-1) : '');
    const before = run.change === 'ins' ? accepted.slice(-1) : run.change === 'del' ? rejected.slice(-1) : digit(accepted) || digit(rejected) || accepted.slice(-1);
    if (run.change !== 'del') accepted += run.text;
    if (run.change !== 'ins') rejected += run.text;
    return textRuns(run.text, props(run), makerFor(run.change, marks), before);
  });
}

/**
 * Runs for `text` with `props`, the shared marks in the Chinese font: one run where the text holds
 * none (exactly as before) or nothing else the hint would move, else cut as hintPieces says.
 */
export function hintedRuns(text: string, props: RunProps = {}, make: MakeRun = plainRun) {
  return hintPieces(text).map((piece) => make({ ...props, text: piece.text, ...(piece.hint ? { font: withEastAsiaHint(props.font) } : {}) }));
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
