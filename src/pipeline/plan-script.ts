/** The script a plan is written in, and the one ScriptChoice every command's documents carry. */
import type { PlanFile } from '../plan/model.js';
import { HANS, SCRIPTS, type Script, type ScriptChoice, detectScript, loadConverters, mayBeTraditional, wordsOf } from '../text/script.js';
import { UsageError } from '../usage-error.js';

/** `--script` of any command. */
export function parseScript(value: string): Script {
  if ((SCRIPTS as readonly string[]).includes(value)) return value as Script;
  throw new UsageError(`未知的文字“${value}”，可用：hans（简体）、hant（繁体）`);
}

/**
 * The script of a plan (its `script`, or what its text is written in) and of the output (`--script`,
 * or the plan's). A 繁体 plan keeps its text and gets the tool's words in 繁体; a plan built into the
 * other script is converted whole, at publishing. 简体 in, 简体 out loads no dictionary.
 */
export async function chooseScript(plan: PlanFile, wanted?: Script): Promise<ScriptChoice> {
  const text = planText(plan);
  let source: Script = plan.script ?? 'hans';
  if (plan.script === undefined && mayBeTraditional(text)) {
    const { toSimplified, toTraditional } = await loadConverters();
    source = detectScript(text, toSimplified, toTraditional);
  }
  const target = wanted ?? source;
  if (source === 'hans' && target === 'hans') return HANS;
  const { toSimplified, toTraditional } = await loadConverters();
  if (source === target) return { script: 'hant', words: wordsOf(toTraditional) };
  // The tool's words are written in 简体: into 繁体 they go with the rest of the document.
  return { script: target, words: HANS.words, convert: target === 'hant' ? toTraditional : toSimplified };
}

/** Every string of a plan, for telling its script. */
function planText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(planText).join('\n');
  if (value !== null && typeof value === 'object') return Object.values(value).map(planText).join('\n');
  return '';
}
