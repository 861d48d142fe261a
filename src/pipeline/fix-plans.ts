/**
 * --fix: the edits that travel on reported findings, applied to the YAML source as range edits,
 * so comments, key order, quoting and layout stay exactly as the writer left them. Passes repeat
 * until nothing changes, so a second --fix run never has more to do. Pure: the caller writes.
 */
import { type LoadedPlan, parsePlan } from '../plan/load-plan.js';
import { runRules } from '../rules/run-rules.js';
import type { SourceEdit } from '../rules/types.js';
import type { CheckedPlan, CheckResult } from './check-plans.js';

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

/** The plans whose source the fixes change, with the old and the new text. */
export function fixPlans(result: CheckResult): PlanFix[] {
  const out: PlanFix[] = [];
  for (const plan of result.plans) {
    if (!plan.loaded) continue;
    const after = fixSource(plan.loaded, plan.edits, plan);
    if (after !== plan.loaded.source) out.push({ plan, edits: plan.edits, before: plan.loaded.source, after, bom: plan.loaded.bom });
  }
  return out;
}

function fixSource(loaded: LoadedPlan, edits: readonly SourceEdit[], plan: CheckedPlan): string {
  let current = loaded;
  let pending = edits;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = applyEdits(current.source, pending);
    if (next === current.source) return next;
    const reparsed = parsePlan(current.file, new TextEncoder().encode(next)).loaded;
    // A fix must never break the file; if it would, keep what the previous pass had.
    if (!reparsed) return current.source;
    current = reparsed;
    pending = runRules(current, plan.config.config).edits;
  }
  return current.source;
}

/** The source with every non-overlapping edit applied; an overlapping one waits for the next pass. */
function applyEdits(source: string, edits: readonly SourceEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.from - a.from || b.to - a.to);
  let out = source;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.to > limit) continue;
    out = out.slice(0, e.from) + e.text + out.slice(e.to);
    limit = e.from;
  }
  return out;
}
