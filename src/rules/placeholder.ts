/** placeholder: template blanks that must not survive into a final document (202x, XX, ××, 某某, TODO). */
import { spanInString, textFields } from './text-fields.js';
import { defineRule, type Finding } from './types.js';

const PLACEHOLDERS: [RegExp, string][] = [
  [/20\d[xX×]|20[xX×]{2}/g, '年份'],
  [/X{2,}|x{2,}(?![a-z])/g, '内容'],
  [/×{2,}|○{2,}|□{2,}/g, '内容'],
  [/某某/g, '名称'],
  [/TODO|FIXME|待补充|待定/g, '内容'],
];

export const placeholder = defineRule('placeholder', ({ loaded }) => {
  const findings: Finding[] = [];
  for (const { path, value } of textFields(loaded.plan)) {
    for (const [pattern, what] of PLACEHOLDERS) {
      for (const m of value.matchAll(pattern)) {
        findings.push({
          path,
          message: `“${m[0]}”是占位符，请填入实际${what}`,
          span: spanInString(loaded, path, m.index, m.index + m[0].length),
        });
      }
    }
  }
  return findings;
});
