/**
 * load → check for a batch of files, in one process: each plan is loaded, its repository's
 * workplan.config.yaml read once, and every rule run. check and build share this, so build stops
 * with exactly the diagnostics check prints.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { type LoadedConfig, loadConfig } from '../plan/config.js';
import { findConfigRoot } from '../plan/find-root.js';
import { type LoadedPlan, STDIN_NAME, STDIN_PATH, loadPlanFile, loadPlanStream } from '../plan/load-plan.js';
import { runRules } from '../rules/run-rules.js';

export interface CheckedPlan {
  file: string;
  shown: string;
  root: string;
  config: LoadedConfig;
  loaded?: LoadedPlan;
}

export interface CheckResult {
  plans: CheckedPlan[];
  diagnostics: Diagnostic[];
}

/** Raised when a file cannot be read at all (not a problem with its content). */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(file);
  }
}

/** `-` reads the plan from standard input; its repository is the current folder's. */
export async function checkPlans(files: readonly string[], stdin: AsyncIterable<Uint8Array> = process.stdin): Promise<CheckResult> {
  const configs = new Map<string, LoadedConfig>();
  const plans: CheckedPlan[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const piped = file === STDIN_PATH;
    const shown = piped ? STDIN_NAME : path.relative(process.cwd(), file) || file;
    const configRoot = await findConfigRoot(piped ? path.join(process.cwd(), STDIN_NAME) : file);
    const root = configRoot ?? process.cwd();
    let config = configs.get(root);
    if (!config) {
      config = configRoot ? await loadConfig(configRoot) : { config: {}, diagnostics: [] };
      configs.set(root, config);
      diagnostics.push(...config.diagnostics);
    }
    let result;
    try {
      result = piped ? await loadPlanStream(shown, stdin) : await loadPlanFile(shown, file);
    } catch (error) {
      throw new UnreadableFileError(shown, error);
    }
    diagnostics.push(...result.diagnostics);
    if (result.loaded) diagnostics.push(...runRules(result.loaded, config.config));
    plans.push({ file, shown, root, config, ...(result.loaded ? { loaded: result.loaded } : {}) });
  }
  return { plans, diagnostics };
}
