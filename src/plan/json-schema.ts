/**
 * The JSON Schema for plan files, generated from the zod models (draft-07 for yaml-language-server).
 * A file is an annual plan or, with `kind: speech`, a speech on its own: draft-07 if/then/else
 * picks the right model, so an editor completes and validates either.
 */
import { z } from 'zod';
import { PlanModel, SpeechFileModel } from './model.js';

type Schema = Record<string, unknown> & { definitions?: Record<string, unknown> };

function toSchema(model: z.ZodType): Schema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(model, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Schema;
  return rest;
}

export function buildPlanJsonSchema(): Record<string, unknown> {
  const { definitions: planDefs = {}, ...plan } = toSchema(PlanModel);
  const { definitions: speechDefs = {}, ...speech } = toSchema(SpeechFileModel);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'workplan 计划文件',
    description: '年度工作计划（工作安排意见），或 kind: speech 的独立汇报发言',
    if: { type: 'object', properties: { kind: { const: 'speech' } }, required: ['kind'] },
    then: { $ref: '#/definitions/SpeechFile' },
    else: { $ref: '#/definitions/Plan' },
    // The model's rule that a plan has sections or top-level measures (a refinement zod cannot export).
    definitions: { ...planDefs, ...speechDefs, Plan: { ...plan, anyOf: [{ required: ['sections'] }, { required: ['measures'] }] }, SpeechFile: speech },
  };
}

/** The text committed as schemas/plan.schema.json: stable key order, trailing newline. */
export function renderPlanJsonSchema(): string {
  return `${JSON.stringify(buildPlanJsonSchema(), null, 2)}\n`;
}
