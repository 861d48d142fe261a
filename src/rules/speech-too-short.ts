/**
 * speech-too-short: the speech fills less than half its time slot (`speech.minutes`) at the reading
 * pace. Measured exactly as speech-too-long measures, so the two never disagree about the length.
 */
import { composeSpeech, spokenText } from '../speech/compose-speech.js';
import { DEFAULT_READING_PACE, readingFacts } from '../text/reading.js';
import { defineRule } from './types.js';

export const speechTooShort = defineRule('speech-too-short', ({ loaded, config }) => {
  const content = composeSpeech(loaded.plan, undefined, loaded.figures);
  // A speech with nothing to report yet is the business of speech-section-skipped and the build's speech-empty.
  if (!content || content.minutes === null || content.sections.length === 0) return [];
  const facts = readingFacts(spokenText(content), config.speech?.pace ?? DEFAULT_READING_PACE);
  const half = (content.minutes * facts.pace) / 2;
  if (facts.characters >= half) return [];
  return [
    {
      path: ['speech', 'minutes'],
      message: `汇报发言约 ${facts.characters} 字，按每分钟 ${facts.pace} 字约 ${facts.minutes} 分钟，不到限时 ${content.minutes} 分钟的一半：可再充实约 ${Math.ceil(content.minutes * facts.pace - facts.characters)} 字，或把限时改短`,
    },
  ];
});
