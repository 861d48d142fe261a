/** `workplan schema`: print the plan JSON Schema. */
import { renderPlanJsonSchema } from '../pipeline/plan-schema.js';

export function runSchema(): number {
  process.stdout.write(renderPlanJsonSchema());
  return 0;
}
