/** speech-too-long: the speech would run over its time slot (`speech.minutes`) at the reading pace. */
import { composeSpeech, spokenText } from '../speech/compose-speech.js';
import { DEFAULT_READING_PACE, readingFacts } from '../text/reading.js';
import { defineRule } from './types.js';

export const speechTooLong = defineRule('speech-too-long', ({ loaded, config }) => {
  const content = composeSpeech(loaded.plan, undefined, loaded.figures);
  if (!content || content.minutes === null) return [];
  const facts = readingFacts(spokenText(content), config.speech?.pace ?? DEFAULT_READING_PACE);
  if (facts.minutes <= content.minutes) return [];
  return [
    {
      path: ['speech', 'minutes'],
      message: `汇报发言约 ${facts.characters} 字，按每分钟 ${facts.pace} 字需约 ${facts.minutes} 分钟，超过限时 ${content.minutes} 分钟：请压缩约 ${Math.ceil(facts.characters - content.minutes * facts.pace)} 字`,
    },
  ];
});
