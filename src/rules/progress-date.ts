/** progress-date: a dated progress report belongs to the plan's year; one dated later is a typo or the wrong plan. */
import { isSpeechFile, planYear } from '../plan/model.js';
import { allMeasures } from '../plan/plan-walk.js';
import { formatChineseDate } from '../text/dates.js';
import { defineRule, type Finding } from './types.js';

export const progressDate = defineRule('progress-date', ({ loaded }) => {
  const plan = loaded.plan;
  if (isSpeechFile(plan)) return [];
  const year = planYear(plan);
  const findings: Finding[] = [];
  for (const { measure, path, label } of allMeasures(plan)) {
    if (!Array.isArray(measure.progress)) continue;
    measure.progress.forEach((report, i) => {
      if (Number(report.date.slice(0, 4)) > year) {
        findings.push({
          path: [...path, 'progress', i, 'date'],
          message: `${label}的进展报告日期 ${formatChineseDate(report.date)} 晚于计划年度 ${year} 年：下一年的进展请写进下一年的计划`,
        });
      }
    });
  }
  return findings;
});
