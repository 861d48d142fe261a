/**
 * speech-section-skipped: a plan's speech reports what its measures achieved, so a section with no
 * progress to report is left out of it. Never silently: the writer hears which, and why.
 */
import { isSpeechFile } from '../plan/model.js';
import { toChineseNumeral } from '../text/numerals.js';
import { composeSpeech } from '../speech/compose-speech.js';
import { defineRule } from './types.js';

export const speechSectionSkipped = defineRule('speech-section-skipped', ({ loaded }) => {
  const plan = loaded.plan;
  if (isSpeechFile(plan) || !plan.speech) return [];
  const content = composeSpeech(plan);
  const spoken = new Set((content?.sections ?? []).map((s) => s.path[1]));
  return (plan.sections ?? []).flatMap((section, i) =>
    spoken.has(i)
      ? []
      : [
          {
            path: ['sections', i, 'title'],
            message: `第${toChineseNumeral(i + 1)}部分“${section.title}”没有可汇报的进展（举措的 progress 或 speech），汇报发言中略去了这一部分：要写进发言，请补上进展`,
          },
        ],
  );
});
