// Regenerates schemas/plan.schema.json from the zod model (run `npm run build` first).
import { writeFileSync } from 'node:fs';
import { renderPlanJsonSchema } from '../dist/plan/json-schema.js';

writeFileSync(new URL('../schemas/plan.schema.json', import.meta.url), renderPlanJsonSchema());
console.log('已写入 schemas/plan.schema.json');
