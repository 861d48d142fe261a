/**
 * load → check for a batch of files, in one process: each plan is loaded, its repository's
 * workplan.config.yaml read once, and every rule run. check, build and units share this, so build
 * stops with exactly the diagnostics check prints.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { type LoadedConfig, loadConfig } from '../plan/config.js';
import { CONFIG_FILE, findConfigRoot } from '../plan/find-root.js';
import { type LoadedPlan, type LoadResult, STDIN_NAME, STDIN_PATH, loadPlanFile, loadPlanStream, parsePlan } from '../plan/load-plan.js';
import { runRules, type RunRulesOptions } from '../rules/run-rules.js';
import type { SourceEdit } from '../rules/types.js';
import { describeFsError } from '../system/fs-errors.js';
import { prepareHeapFor } from '../system/settle-memory.js';
import { attachFigures, type FiguresCache } from './load-figures.js';
import { UsageError } from '../usage-error.js';

export interface CheckedPlan {
  file: string;
  /** The name messages give the file (relative to the working folder, or `<stdin>`). */
  shown: string;
  root: string;
  config: LoadedConfig;
  loaded?: LoadedPlan;
  /** Edits of the reported findings that can be corrected safely (what --fix applies). */
  edits: SourceEdit[];
}

export interface CheckResult {
  plans: CheckedPlan[];
  diagnostics: Diagnostic[];
}

/**
 * `-` reads the plan from standard input; its repository is the current folder's. A file that
 * cannot be read at all is a UsageError (exit 2), not a problem of its content.
 */
export async function checkPlans(
  files: readonly string[],
  stdin: AsyncIterable<Uint8Array> = process.stdin,
  options: RunRulesOptions = {},
  /** Before each file: a long batch tells the user where it is. */
  onProgress?: (index: number, total: number, shown: string) => void,
): Promise<CheckResult> {
  const configs = new Map<string, LoadedConfig>();
  const plans: CheckedPlan[] = [];
  const diagnostics: Diagnostic[] = [];
  const figures: FiguresCache = new Map();
  for (const [index, file] of files.entries()) {
    const piped = file === STDIN_PATH;
    const shown = piped ? STDIN_NAME : path.relative(process.cwd(), file) || file;
    onProgress?.(index, files.length, shown);
    const checked = await checkOnePlan({ file, shown, piped, configs, figures, options }, () =>
      piped ? loadPlanStream(shown, stdin, prepareHeapFor) : loadPlanFile(shown, file, prepareHeapFor),
    );
    appendAll(diagnostics, checked.diagnostics);
    plans.push(checked.plan);
  }
  return { plans, diagnostics };
}

/** What one plan's check gives: the plan, its diagnostics (its repository's config problems the first time), each finding's edits. */
export interface OnePlanCheck {
  plan: CheckedPlan;
  diagnostics: Diagnostic[];
  editsOf: Map<Diagnostic, readonly SourceEdit[]>;
}

/**
 * A plan as the editor holds it, checked exactly as `check` would check the saved file: the same
 * config (read again each time: the office may have just added a unit), figures, rules and
 * suppressions. `figures` may hold the text of plans open in the editor.
 */
export async function checkPlanText(
  file: string,
  text: string,
  options: { shown?: string; figures?: FiguresCache } = {},
): Promise<OnePlanCheck> {
  const shown = options.shown ?? (path.relative(process.cwd(), file) || file);
  const bytes = new TextEncoder().encode(text);
  return checkOnePlan({ file, shown, piped: false, configs: new Map(), figures: options.figures ?? new Map() }, async () => parsePlan(shown, bytes));
}

async function checkOnePlan(
  at: { file: string; shown: string; piped: boolean; configs: Map<string, LoadedConfig>; figures: FiguresCache; options?: RunRulesOptions },
  load: () => Promise<LoadResult>,
): Promise<OnePlanCheck> {
  const { file, shown, piped, configs, figures, options = {} } = at;
  const diagnostics: Diagnostic[] = [];
  const configRoot = await findConfigRoot(piped ? path.join(process.cwd(), STDIN_NAME) : file);
  const root = configRoot ?? process.cwd();
  let config = configs.get(root);
  if (!config) {
    try {
      config = configRoot ? await loadConfig(configRoot) : { config: {}, diagnostics: [] };
    } catch (error) {
      throw new UsageError(describeFsError(error, 'read', path.relative(process.cwd(), path.join(root, CONFIG_FILE)) || CONFIG_FILE));
    }
    configs.set(root, config);
    appendAll(diagnostics, config.diagnostics);
  }
  let result;
  try {
    result = await load();
  } catch (error) {
    throw new UsageError(describeFsError(error, 'read', shown));
  }
  appendAll(diagnostics, result.diagnostics);
  if (result.loaded) appendAll(diagnostics, await attachFigures(result.loaded, piped ? undefined : file, figures));
  const checked = result.loaded ? runRules(result.loaded, config.config, undefined, options) : { diagnostics: [], edits: [], editsOf: new Map() };
  appendAll(diagnostics, checked.diagnostics);
  return {
    plan: { file, shown, root, config, ...(result.loaded ? { loaded: result.loaded } : {}), edits: checked.edits },
    diagnostics,
    editsOf: checked.editsOf,
  };
}

/**
 * push(...items) passes every item as an argument, and a pasted megabyte of text can give a few
 * hundred thousand findings: more arguments than the stack holds.
 */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
