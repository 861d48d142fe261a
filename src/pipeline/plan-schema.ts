/** `schema`: the plan format as JSON Schema, generated from the zod model. */
export { renderPlanJsonSchema } from '../plan/json-schema.js';
