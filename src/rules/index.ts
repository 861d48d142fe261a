/** The rule registry: an explicit list, in the order rules run (the catalogue's order). */
import { dateRange } from './date-range.js';
import { docNumber } from './doc-number.js';
import { duplicateText } from './duplicate-text.js';
import { figureAmbiguous } from './figure-ambiguous.js';
import { figureStale } from './figure-stale.js';
import { figureUnknown } from './figure-unknown.js';
import { invalidChar } from './invalid-char.js';
import { invisibleFormat } from './invisible-format.js';
import { maskedWord } from './masked-word.js';
import { measureOwner } from './measure-owner.js';
import { numberingTyped } from './numbering-typed.js';
import { placeholder } from './placeholder.js';
import { progressDate } from './progress-date.js';
import { progressDecrease } from './progress-decrease.js';
import { punctuationWidth } from './punctuation-width.js';
import { speechSectionSkipped } from './speech-section-skipped.js';
import { speechTooLong } from './speech-too-long.js';
import { speechTooShort } from './speech-too-short.js';
import { textTooLong } from './text-too-long.js';
import type { Rule } from './types.js';
import { unitUnknown } from './unit-unknown.js';

export const RULES: readonly Rule[] = [
  invalidChar,
  invisibleFormat,
  punctuationWidth,
  placeholder,
  maskedWord,
  docNumber,
  dateRange,
  measureOwner,
  numberingTyped,
  duplicateText,
  unitUnknown,
  speechTooLong,
  speechSectionSkipped,
  textTooLong,
  progressDate,
  progressDecrease,
  figureUnknown,
  figureAmbiguous,
  figureStale,
  speechTooShort,
];
