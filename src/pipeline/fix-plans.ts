/**
 * --fix: the edits that travel on reported findings, applied to the YAML source as range edits,
 * so comments, key order, quoting and layout stay exactly as the writer left them.
 *
 * Every pass is proven before it is kept: the new source is parsed again and every value compared
 * with the old one after the intended replacements. A string whose edits would change anything
 * else (or break the file) keeps its old text and is reported as fix-unsafe; the other strings
 * are still fixed. Passes repeat until nothing changes, so a second --fix has nothing to do.
 * Pure: the caller writes.
 */
import { isDeepStrictEqual } from 'node:util';
import { type Diagnostic, formatPath, makeDiagnostic } from '../diagnostic.js';
import { type LoadedPlan, type PlanPath, parsePlan } from '../plan/load-plan.js';
import { runRules } from '../rules/run-rules.js';
import type { SourceEdit } from '../rules/types.js';
import { writeOutputs } from '../system/write-outputs.js';
import type { CheckedPlan, CheckResult } from './check-plans.js';
import { setValueAt, valueAt } from '../plan/path-values.js';

const MAX_PASSES = 5;

export interface PlanFix {
  plan: CheckedPlan;
  /** The edits the reported findings carried (the first pass; later passes follow from them). */
  edits: SourceEdit[];
  before: string;
  after: string;
  /** The file began with a byte-order mark; writing it back keeps it. */
  bom: boolean;
}

export interface FixResult {
  /** The plans whose source the fixes change, with the old and the new text. */
  fixes: PlanFix[];
  /** fix-unsafe: strings whose fixes were refused. */
  diagnostics: Diagnostic[];
}

export function fixPlans(result: CheckResult): FixResult {
  const fixes: PlanFix[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const plan of result.plans) {
    if (!plan.loaded) continue;
    const fixed = fixSource(plan.loaded, plan);
    diagnostics.push(...fixed.diagnostics);
    if (fixed.source !== plan.loaded.source) {
      fixes.push({ plan, edits: plan.edits, before: plan.loaded.source, after: fixed.source, bom: plan.loaded.bom });
    }
  }
  return { fixes, diagnostics };
}

/**
 * One finding's fix, as an editor's quick fix offers it: only its own edits, proven like --fix
 * (re-parsed, every other value unchanged). Undefined when the fix is not safe.
 */
export function fixFinding(loaded: LoadedPlan, edits: readonly SourceEdit[]): string | undefined {
  const next = applyProven(loaded, edits);
  return next.unsafe.length === 0 && next.loaded ? next.loaded.source : undefined;
}

function fixSource(loaded: LoadedPlan, plan: CheckedPlan): { source: string; diagnostics: Diagnostic[] } {
  const refused = new Map<string, Diagnostic>();
  let current = loaded;
  let pending = plan.edits;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const wanted = pending.filter((e) => !refused.has(formatPath(e.path)));
    if (wanted.length === 0) break;
    const next = applyProven(current, wanted);
    for (const path of next.unsafe) refused.set(formatPath(path), unsafeDiagnostic(current, path));
    if (!next.loaded) break;
    current = next.loaded;
    pending = runRules(current, plan.config.config).edits;
  }
  return { source: current.source, diagnostics: [...refused.values()] };
}

/**
 * The source with the edits applied, proven: all together first; when that fails, the strings are
 * halved until each failing string stands alone (a few re-parses, not one per string, so a large
 * plan stays linear). Returns the new plan (none when nothing could be kept) and the refused paths.
 */
function applyProven(loaded: LoadedPlan, edits: readonly SourceEdit[]): { loaded?: LoadedPlan; unsafe: PlanPath[] } {
  const groups = [...groupByPath(edits).values()];
  const unsafe: PlanPath[] = [];
  const safe: SourceEdit[][] = [];
  const sort = (list: SourceEdit[][]): void => {
    if (list.length === 0) return;
    if (tryEdits(loaded, list.flat())) {
      safe.push(...list);
      return;
    }
    if (list.length === 1) {
      unsafe.push(list[0]![0]!.path);
      return;
    }
    const half = Math.ceil(list.length / 2);
    sort(list.slice(0, half));
    sort(list.slice(half));
  };
  if (groups.length === 0) return { unsafe };
  const together = tryEdits(loaded, edits);
  if (together) return { loaded: together, unsafe };
  const half = Math.ceil(groups.length / 2);
  sort(groups.slice(0, half));
  sort(groups.slice(half));
  const kept = safe.length ? tryEdits(loaded, safe.flat()) : undefined;
  if (!kept) return { unsafe: groups.map((g) => g[0]!.path) };
  return { loaded: kept, unsafe };
}

/** The re-parsed plan after the edits, if every value is exactly the old one with the edits made. */
function tryEdits(loaded: LoadedPlan, edits: readonly SourceEdit[]): LoadedPlan | undefined {
  const { source, applied } = applyEdits(loaded.source, edits);
  if (applied.length === 0) return undefined;
  const parsed = parsePlan(loaded.file, new TextEncoder().encode(source)).loaded;
  if (!parsed) return undefined;
  // The plan a speech file takes its figures from is not part of this file: it carries over.
  const reparsed = {
    ...parsed,
    ...(loaded.figures ? { figures: loaded.figures } : {}),
    ...(loaded.figuresFile !== undefined ? { figuresFile: loaded.figuresFile } : {}),
  };
  const expected = loaded.document.toJS() as unknown;
  for (const group of groupByPath(applied).values()) {
    const path = group[0]!.path;
    const old = valueAt(expected, path);
    if (typeof old !== 'string') return undefined;
    let value = old;
    for (const e of [...group].sort((a, b) => b.value.start - a.value.start)) {
      value = value.slice(0, e.value.start) + e.value.text + value.slice(e.value.end);
    }
    if (!setValueAt(expected, path, value)) return undefined;
  }
  return isDeepStrictEqual(reparsed.document.toJS(), expected) ? reparsed : undefined;
}

/**
 * Non-overlapping edits applied in one sweep (pieces joined once, so thousands of edits cost one
 * copy of the file); an edit that overlaps an earlier one waits for the next pass.
 */
function applyEdits(source: string, edits: readonly SourceEdit[]): { source: string; applied: SourceEdit[] } {
  const sorted = [...edits].sort((a, b) => a.from - b.from || a.to - b.to);
  const pieces: string[] = [];
  const applied: SourceEdit[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.from < at) continue;
    pieces.push(source.slice(at, e.from), e.text);
    at = e.to;
    applied.push(e);
  }
  pieces.push(source.slice(at));
  return { source: pieces.join(''), applied };
}

function groupByPath(edits: readonly SourceEdit[]): Map<string, SourceEdit[]> {
  const groups = new Map<string, SourceEdit[]>();
  for (const e of edits) {
    const key = formatPath(e.path);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return groups;
}

function unsafeDiagnostic(loaded: LoadedPlan, path: PlanPath): Diagnostic {
  return makeDiagnostic(
    'fix-unsafe',
    '这段文字的自动修正不安全（修正后 YAML 读出的内容会有其他改变，或文件无法解析），已保留原文：请按其他提示手动修改',
    { file: loaded.file, span: loaded.locate(path), path },
    'warning',
  );
}

/** A fixed plan back onto its file, whole or not at all (its byte-order mark kept). */
export async function writeFixedPlan({ plan, after, bom }: Pick<PlanFix, 'plan' | 'after' | 'bom'>): Promise<void> {
  await writeOutputs([{ path: plan.file, data: (bom ? '\uFEFF' : '') + after, shown: plan.shown }]);
}
