/** The YAML node a text field was read from, keys of `progress.values` included. */
import { isMap, isScalar, type Scalar } from 'yaml';
import type { LoadedPlan, PlanPath } from '../plan/load-plan.js';

/**
 * textFields gives a key of `progress.values` the path of its value (`…values.<name>`); its text
 * is in the key node, not at that path (which holds the number).
 */
export function isValuesKey(path: PlanPath, value: string): boolean {
  return path[path.length - 2] === 'values' && path[path.length - 1] === value;
}

/** The scalar node holding the text of a field, or undefined (an alias, a missing node). */
export function textNode(loaded: LoadedPlan, path: PlanPath, value: string): Scalar | undefined {
  if (isValuesKey(path, value)) {
    const map = loaded.document.getIn(path.slice(0, -1), true);
    if (!isMap(map)) return undefined;
    const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === value);
    return pair && isScalar(pair.key) && pair.key.range ? pair.key : undefined;
  }
  const node = loaded.document.getIn(path, true);
  return isScalar(node) && typeof node.value === 'string' && node.range ? node : undefined;
}
