/** SpeechContent → the object speech.md.hbs sees (strict mode: every key present). */
import { byline, type SpeechContent, type SpeechSectionContent, sectionItems, sectionLead, sectionParagraphs } from '../speech/compose-speech.js';
import { formatLevelNumber } from '../text/numerals.js';

interface SpeechPartView {
  heading: string;
  lead: string;
  items: { bold: string; text: string }[];
  paragraphs: string[];
}

export interface SpeechView {
  title: string;
  /** Speaker and （date）, those the speech gives. */
  byline: string[];
  /** Kept for templates written for version 1: the speaker, '' when none. */
  speaker: string;
  dateText: string;
  salutation: string[];
  opening: string[];
  /** Each section with its （一）（二） subsections ([] when it has none), numbered here. */
  sections: (SpeechPartView & { subsections: (SpeechPartView & { number: string })[] })[];
  closing: string;
  numbered: boolean;
  /** The （一） level stands as a heading line of its own (else it runs in, bold). */
  subsectionsNumbered: boolean;
  separator: string;
}

function buildPartView(part: SpeechSectionContent, separator: string): SpeechPartView {
  return { heading: part.heading, lead: sectionLead(part, separator), items: sectionItems(part), paragraphs: sectionParagraphs(part) };
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
      ...buildPartView(s, content.separator),
      subsections: (s.subsections ?? []).map((sub, j) => ({ ...buildPartView(sub, content.separator), number: formatLevelNumber(2, j + 1) })),
    })),
    closing: content.closing,
    numbered: content.style === 'numbered',
    subsectionsNumbered: content.subsectionStyle === 'numbered',
    separator: content.separator,
  };
}
