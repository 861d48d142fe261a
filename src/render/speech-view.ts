/** SpeechContent → the object speech.md.hbs sees (strict mode: every key present). */
import type { SpeechContent } from '../speech/compose-speech.js';
import { endSentence } from '../text/paragraphs.js';

export interface SpeechView {
  title: string;
  speaker: string;
  dateText: string;
  salutation: string;
  opening: string[];
  sections: { heading: string; intro: string; points: string[]; enumerate: boolean }[];
  closing: string;
  numbered: boolean;
  separator: string;
}

export function buildSpeechView(content: SpeechContent): SpeechView {
  return {
    title: content.title,
    speaker: content.speaker,
    dateText: content.date,
    salutation: content.salutation,
    opening: content.opening,
    sections: content.sections.map((s) => ({
      heading: s.heading,
      intro: s.intro ? endSentence(s.intro) : '',
      points: s.points,
      enumerate: s.points.length > 1,
    })),
    closing: content.closing,
    numbered: content.style === 'numbered',
    separator: content.separator,
  };
}
