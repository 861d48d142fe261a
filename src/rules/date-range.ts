/** date-range: the 成文日期 within a year of the plan year; deadlines inside that year and after the 成文日期. */
import { isSpeechFile, planYear } from '../plan/model.js';
import { daysInMonth, formatChineseDate, parseIsoDate, parseIsoMonth } from '../text/dates.js';
import { allMeasures } from '../plan/plan-walk.js';
import { defineRule, type Finding } from './types.js';

/** The last day a deadline allows, as YYYY-MM-DD, or undefined for phrases (全年, 长期坚持…). */
function lastDay(due: string): { iso: string; year: number } | undefined {
  const d = parseIsoDate(due);
  if (d) return { iso: due, year: d.year };
  const m = parseIsoMonth(due);
  if (m) return { iso: `${due}-${String(daysInMonth(m.year, m.month)).padStart(2, '0')}`, year: m.year };
  return undefined;
}

export const dateRange = defineRule('date-range', ({ loaded }) => {
  const plan = loaded.plan;
  if (isSpeechFile(plan)) return [];
  const findings: Finding[] = [];
  const dateYear = Number(plan.date.slice(0, 4));
  const year = planYear(plan);
  if (Math.abs(dateYear - year) > 1) {
    findings.push({ path: ['date'], message: `成文日期 ${formatChineseDate(plan.date)} 与计划年度 ${year} 年相差超过一年` });
  }
  if (plan.printedOn && plan.printedOn < plan.date) {
    findings.push({ path: ['printedOn'], message: `印发日期 ${formatChineseDate(plan.printedOn)} 早于成文日期 ${formatChineseDate(plan.date)}` });
  }
  for (const { measure, path, label } of allMeasures(plan)) {
    if (!measure.due) continue;
    const end = lastDay(measure.due);
    if (!end) continue;
    if (end.year !== year) {
      findings.push({ path: [...path, 'due'], message: `${label}的完成时限 ${measure.due} 不在计划年度 ${year} 年内` });
    } else if (end.iso < plan.date) {
      findings.push({ path: [...path, 'due'], message: `${label}的完成时限 ${measure.due} 早于成文日期 ${formatChineseDate(plan.date)}` });
    }
  }
  return findings;
});
