import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPlanJsonSchema } from '../src/plan/json-schema.js';
import { ROOT } from './helpers.js';

describe('schemas/plan.schema.json', () => {
  const committed = readFileSync(path.join(ROOT, 'schemas', 'plan.schema.json'), 'utf8');

  it('is up to date with the zod model (run `npm run build && npm run schema` to refresh)', () => {
    expect(committed).toBe(renderPlanJsonSchema());
  });

  it('is draft-07, forbids unknown keys and describes fields in Chinese', () => {
    const schema = JSON.parse(committed);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    // kind: speech selects the speech model, anything else the annual plan.
    expect(schema.if.properties.kind.const).toBe('speech');
    expect(schema.then.$ref).toBe('#/definitions/SpeechFile');
    expect(schema.else.$ref).toBe('#/definitions/Plan');
    const plan = schema.definitions.Plan;
    expect(plan.additionalProperties).toBe(false);
    expect(plan.required).toEqual(['title', 'date']);
    // Sections, or measures without sections (format v2): one of the two.
    expect(plan.anyOf).toEqual([{ required: ['sections'] }, { required: ['measures'] }]);
    expect(plan.properties.title.description).toMatch(/\p{Script=Han}/u);
    expect(schema.definitions.Section.properties.measures.items.additionalProperties).toBe(false);
    expect(schema.definitions.SpeechFile.required).toEqual(['kind', 'speech', 'sections']);
    // Every $ref resolves.
    for (const m of committed.matchAll(/"\$ref": "#\/definitions\/([^"]+)"/g)) expect(schema.definitions[m[1]!], m[1]).toBeDefined();
  });

  it('every example plan starts with the yaml-language-server modeline', async () => {
    const { readdirSync } = await import('node:fs');
    const plans = readdirSync(path.join(ROOT, 'plans')).filter((f) => f.endsWith('.yaml'));
    expect(plans.length).toBeGreaterThan(0);
    for (const f of plans) {
      const first = readFileSync(path.join(ROOT, 'plans', f), 'utf8').split('\n')[0];
      expect(first).toBe('# yaml-language-server: $schema=../schemas/plan.schema.json');
    }
  });
});
