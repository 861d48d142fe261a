/** `workplan schema`: print the plan JSON Schema. */
import { planSchemaText } from '../pipeline/plan-schema.js';

export function runSchema(): number {
  process.stdout.write(planSchemaText());
  return 0;
}
