/**
 * Values of a plan's plain data (what `document.toJS()` gives) by plan path: read, and set. The
 * rewrites of the source (--fix, import-progress, import --onto) prove their result by making the
 * same change here and comparing with the source parsed again.
 */
import type { PlanPath } from './load-plan.js';

export function valueAt(data: unknown, path: PlanPath): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Sets the value at `path` (a copy of it); false when the path's parent is not there. */
export function setValueAt(data: unknown, path: PlanPath, value: unknown): boolean {
  const parent = valueAt(data, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return false;
  (parent as Record<string | number, unknown>)[path[path.length - 1]!] = structuredClone(value);
  return true;
}
