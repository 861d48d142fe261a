/** SpeechContent → the object speech.md.hbs sees (strict mode: every key present). */
import { byline, type SpeechContent, sectionItems, sectionLead, sectionParagraphs } from '../speech/compose-speech.js';

export interface SpeechView {
  title: string;
  /** Speaker and （date）, those the speech gives. */
  byline: string[];
  /** Kept for templates written for version 1: the speaker, '' when none. */
  speaker: string;
  dateText: string;
  salutation: string[];
  opening: string[];
  sections: { heading: string; lead: string; items: { bold: string; text: string }[]; paragraphs: string[] }[];
  closing: string;
  numbered: boolean;
  separator: string;
}

export function buildSpeechView(content: SpeechContent): SpeechView {
  return {
    title: content.title,
    byline: byline(content),
    speaker: content.speaker ?? '',
    dateText: content.date ?? '',
    salutation: content.salutation,
    opening: content.opening,
    sections: content.sections.map((s) => ({
      heading: s.heading,
      lead: sectionLead(s, content.separator),
      items: sectionItems(s),
      paragraphs: sectionParagraphs(s),
    })),
    closing: content.closing,
    numbered: content.style === 'numbered',
    separator: content.separator,
  };
}
