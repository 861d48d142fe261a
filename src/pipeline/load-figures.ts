/**
 * The plan a speech file takes its figures from (`figures: ../2025-工作安排意见.yaml`), read for
 * it: the loader reads files and rules do not, so check and build attach the plan to the loaded
 * speech file before any rule runs. A figures file that cannot serve is one error at `figures`.
 */
import path from 'node:path';
import { type Diagnostic, makeDiagnostic } from '../diagnostic.js';
import { type LoadedPlan, loadPlanFile } from '../plan/load-plan.js';
import { isSpeechFile, type PlanFile } from '../plan/model.js';
import { describeFsError } from '../system/fs-errors.js';

/** Plans already read in this run, by absolute path: several speeches often share one plan. */
export type FiguresCache = Map<string, Promise<PlanFile | string>>;

/**
 * Attaches the figures plan to a loaded speech file; returns the problem when there is one.
 * `file` is the speech file's own path (relative paths in `figures` are relative to its folder);
 * a speech read from standard input resolves them from the working folder.
 */
export async function attachFigures(loaded: LoadedPlan, file: string | undefined, cache: FiguresCache): Promise<Diagnostic[]> {
  const plan = loaded.plan;
  if (!isSpeechFile(plan) || plan.figures === undefined) return [];
  const absolute = path.resolve(file === undefined ? process.cwd() : path.dirname(path.resolve(file)), plan.figures);
  loaded.figuresFile = absolute;
  let pending = cache.get(absolute);
  if (!pending) {
    pending = readFigures(absolute, plan.figures);
    cache.set(absolute, pending);
  }
  const result = await pending;
  if (typeof result === 'string') {
    return [makeDiagnostic('figures-file', result, { file: loaded.file, span: loaded.locate(['figures']), path: ['figures'] })];
  }
  loaded.figures = result;
  return [];
}

async function readFigures(absolute: string, written: string): Promise<PlanFile | string> {
  let result;
  try {
    result = await loadPlanFile(written, absolute);
  } catch (error) {
    return `figures 所指的计划文件${describeFsError(error, 'read', written)}`;
  }
  if (!result.loaded || result.diagnostics.length) {
    return `figures 所指的计划文件“${written}”有 ${result.diagnostics.length} 处错误，无法取用其中的数字：请先用 workplan check 检查它`;
  }
  if (isSpeechFile(result.loaded.plan)) return `figures 所指的“${written}”也是发言文件（kind: speech），数字只能取自计划文件`;
  return result.loaded.plan;
}
