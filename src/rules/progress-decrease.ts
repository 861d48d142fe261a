/**
 * progress-decrease: completed figures only grow; a value lower than the report before it is a
 * typo, unless the report says why (`note`: 核减, 口径调整…).
 */
import { isSpeechFile } from '../plan/model.js';
import { allMeasures } from '../plan/plan-walk.js';
import { formatChineseDate } from '../text/dates.js';
import { defineRule, type Finding } from './types.js';

export const progressDecrease = defineRule('progress-decrease', ({ loaded }) => {
  const plan = loaded.plan;
  if (isSpeechFile(plan)) return [];
  const findings: Finding[] = [];
  for (const { measure, path, label } of allMeasures(plan)) {
    if (!Array.isArray(measure.progress)) continue;
    // Date order, keeping each report's place in the file for the finding's path.
    const reports = measure.progress.map((report, index) => ({ report, index })).sort((a, b) => (a.report.date < b.report.date ? -1 : a.report.date > b.report.date ? 1 : 0));
    const last = new Map<string, { value: number; date: string }>();
    for (const { report, index } of reports) {
      for (const [name, value] of Object.entries(report.values ?? {})) {
        const before = last.get(name);
        if (before && value < before.value && report.note === undefined) {
          findings.push({
            path: [...path, 'progress', index, 'values', name],
            message: `${label}的“${name}”从 ${formatChineseDate(before.date)} 的 ${before.value} 降到 ${formatChineseDate(report.date)} 的 ${value}：数值回落时请在这次报告里写 note 说明原因`,
          });
        }
        last.set(name, { value, date: report.date });
      }
    }
  }
  return findings;
});
