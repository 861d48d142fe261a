/** measure-owner: a measure nobody leads. */
import { allMeasures } from '../plan/plan-walk.js';
import { defineRule } from './types.js';

export const measureOwner = defineRule('measure-owner', ({ loaded }) => {
  return allMeasures(loaded.plan)
    // A lead the measure inherits from its section counts.
    .filter(({ owners }) => owners.lead.length === 0)
    .map(({ measure, path, label }) => ({
      path: [...path, 'title'],
      message: `${label}举措“${measure.title}”没有牵头单位：请填写 lead`,
    }));
});
