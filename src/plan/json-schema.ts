/** The JSON Schema for plan files, generated from the zod model (draft-07 for yaml-language-server). */
import { z } from 'zod';
import { PlanModel } from './model.js';

export function buildPlanJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanModel, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return { ...schema, title: 'workplan 计划文件' };
}

/** The text committed as schemas/plan.schema.json: stable key order, trailing newline. */
export function renderPlanJsonSchema(): string {
  return `${JSON.stringify(buildPlanJsonSchema(), null, 2)}\n`;
}
