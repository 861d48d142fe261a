/** `schema`: the plan format as JSON Schema, generated from the zod model. */
import { renderPlanJsonSchema } from '../plan/json-schema.js';

/** The schema's text, as `workplan schema` prints it and schemas/plan.schema.json holds it. */
export function planSchemaText(): string {
  return renderPlanJsonSchema();
}
