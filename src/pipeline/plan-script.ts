/** The script a plan is written in, and what a build in another script converts (shared by build and draft). */
import type { PlanFile } from '../plan/model.js';
import type { RenderOptions } from '../render/view-model.js';
import { type Script, detectScript, loadConverters, mayBeTraditional } from '../text/script.js';

/**
 * The script of a plan (its `script`, or what its text is written in) and of the output (`--script`,
 * or the plan's). A 繁体 plan keeps its text and gets the tool's words in 繁体; a plan built into the
 * other script is converted whole. 简体 in, 简体 out loads no dictionary.
 */
export async function scriptOptions(plan: PlanFile, wanted?: Script): Promise<Pick<RenderOptions, 'localize' | 'convertAll'>> {
  const text = planText(plan);
  let source: Script = plan.script ?? 'hans';
  if (plan.script === undefined && mayBeTraditional(text)) {
    const { toSimplified, toTraditional } = await loadConverters();
    source = detectScript(text, toSimplified, toTraditional);
  }
  const target = wanted ?? source;
  if (source === 'hans' && target === 'hans') return {};
  const { toSimplified, toTraditional } = await loadConverters();
  if (source === target) return { localize: toTraditional };
  return { convertAll: target === 'hant' ? toTraditional : toSimplified };
}

/** Every string of a plan, for telling its script. */
function planText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(planText).join('\n');
  if (value !== null && typeof value === 'object') return Object.values(value).map(planText).join('\n');
  return '';
}
