/**
 * masked-word: words masked by the sites text was copied from — pinyin stand-ins inside Chinese
 * (dang, zhong), and asterisk masking (****, **大, 3zhong.*会).
 */
import { spanInString, textFields } from './text-fields.js';
import { defineRule, type Finding } from './types.js';

/** Pinyin that sites substitute for sensitive characters. */
const STAND_INS = 'dang|zhong|zheng|gong|guo|xi|jin|ping|min|zhu|hui|fa|lun|du|she|jun';
const PATTERNS: [RegExp, string][] = [
  // Pinyin touching Chinese on at least one side, or digits then pinyin (3zhong).
  [new RegExp(`(?<=[\\p{Script=Han}\\d])(?:${STAND_INS})(?![a-z])|(?<![A-Za-z])(?:${STAND_INS})(?=\\p{Script=Han})`, 'gu'), '拼音替代字'],
  // Any run of lowercase Latin wedged between two Chinese characters.
  [/(?<=\p{Script=Han})[a-z]{2,6}(?=\p{Script=Han})/gu, '拼音替代字'],
  // Asterisks: a run of them, or one touching Chinese (**大, 会议.*精神).
  [/\*{2,}|(?<=[\p{Script=Han}.])\*|\*(?=\p{Script=Han})/gu, '星号屏蔽'],
];

export const maskedWord = defineRule('masked-word', ({ loaded }) => {
  const findings: Finding[] = [];
  for (const { path, value } of textFields(loaded.plan, { prose: true })) {
    const seen = new Set<number>();
    for (const [pattern, what] of PATTERNS) {
      for (const m of value.matchAll(pattern)) {
        if (seen.has(m.index)) continue;
        seen.add(m.index);
        findings.push({
          path,
          message: `“${m[0]}”像是网页上的${what}，请还原为原文`,
          span: spanInString(loaded, path, m.index, m.index + m[0].length),
        });
      }
    }
  }
  return findings;
});
