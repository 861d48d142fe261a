/** Speech facts: Han characters and reading time. */
import { countHan } from './width.js';

/** Chinese is read aloud at about 200–250 characters a minute; 220 is the default pace. */
export const DEFAULT_READING_PACE = 220;

export interface ReadingFacts {
  characters: number;
  minutes: number;
  pace: number;
}

export function readingFacts(text: string, pace: number = DEFAULT_READING_PACE): ReadingFacts {
  const characters = countHan(text);
  return { characters, pace, minutes: Math.round((characters / pace) * 10) / 10 };
}
