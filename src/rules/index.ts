/** The rule registry: an explicit list, in the order rules run. */
import { speechTooLong } from './speech-too-long.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [speechTooLong];
