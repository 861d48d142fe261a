/** unit-unknown: a unit not in the workplan.config.yaml registry (off when there is no registry). */
import { unitRegistry } from '../plan/config.js';
import type { PlanPath } from '../plan/load-plan.js';
import { isSpeechFile, type PlanFile, type Section } from '../plan/model.js';
import { suggestClosest } from '../text/suggest.js';
import { allMeasures } from '../plan/plan-walk.js';
import { defineRule, type Finding } from './types.js';

/** Where a plan names units: 牵头单位, 责任单位, 主送机关 and 抄送机关. */
export function unitMentions(plan: PlanFile): { path: PlanPath; name: string }[] {
  if (isSpeechFile(plan)) return [];
  const out: { path: PlanPath; name: string }[] = [];
  const named = (owner: { lead?: string | string[] | undefined; responsible?: string[] | undefined }, path: PlanPath) => {
    if (typeof owner.lead === 'string') out.push({ path: [...path, 'lead'], name: owner.lead });
    else (owner.lead ?? []).forEach((name, i) => out.push({ path: [...path, 'lead', i], name }));
    (owner.responsible ?? []).forEach((name, i) => out.push({ path: [...path, 'responsible', i], name }));
  };
  const sections = (list: Section[], path: PlanPath) =>
    list.forEach((section, i) => {
      named(section, [...path, i]);
      sections(section.sections ?? [], [...path, i, 'sections']);
    });
  sections(plan.sections ?? [], ['sections']);
  for (const { measure, path } of allMeasures(plan)) named(measure, path);
  (plan.recipients ?? []).forEach((name, i) => out.push({ path: ['recipients', i], name }));
  (plan.cc ?? []).forEach((name, i) => out.push({ path: ['cc', i], name }));
  return out;
}

export const unitUnknown = defineRule('unit-unknown', ({ loaded, config }) => {
  const registry = unitRegistry(config);
  if (!registry) return [];
  const findings: Finding[] = [];
  for (const { path, name } of unitMentions(loaded.plan)) {
    if (registry.has(name)) continue;
    const guess = suggestClosest(name, registry.keys());
    const canonical = guess === undefined ? undefined : registry.get(guess);
    findings.push({
      path,
      message: canonical
        ? `单位“${name}”不在单位名录中，是否应为“${canonical}”？`
        : `单位“${name}”不在单位名录中：请改用名录里的名称，或把它加入 workplan.config.yaml 的 units`,
    });
  }
  return findings;
});
