/** measure-owner: a measure nobody leads. */
import { allMeasures } from '../plan/plan-walk.js';
import type { Rule } from './types.js';

export const measureOwner: Rule = {
  id: 'measure-owner',
  description: '举措没有牵头单位（lead）',
  severity: 'warning',
  check({ loaded }) {
    return allMeasures(loaded.plan)
      .filter(({ measure }) => !measure.lead)
      .map(({ measure, path, label }) => ({
        path: [...path, 'title'],
        message: `${label}举措“${measure.title}”没有牵头单位：请填写 lead`,
      }));
  },
};
