/** `units`: every unit a plan names, with how many measures it leads and shares. */
import { unitRegistry } from '../plan/config.js';
import { isSpeechFile } from '../plan/model.js';
import { unitCounts } from '../tasks/task-rows.js';
import type { CheckedPlan } from './check-plans.js';

export interface PlanUnits {
  file: string;
  units: ReturnType<typeof unitCounts>;
}

/** Plans (not speech files), each with its units under their canonical names. */
export function countUnits(plans: readonly CheckedPlan[]): PlanUnits[] {
  return plans.flatMap((p) =>
    p.loaded && !isSpeechFile(p.loaded.plan) ? [{ file: p.shown, units: unitCounts(p.loaded.plan, unitRegistry(p.config.config)) }] : [],
  );
}
