/**
 * --fix: corrections applied as range edits to the YAML source, so comments, key order, quoting
 * and layout stay exactly as the writer left them. Passes repeat until nothing changes, so a
 * second --fix run never has more to do.
 */
import { isScalar, Scalar } from 'yaml';
import type { Config } from '../plan/config.js';
import { parsePlan, type LoadedPlan } from '../plan/load-plan.js';
import { RULES } from './index.js';
import { parseSuppressions } from './suppressions.js';
import { sourceOffset } from './text-fields.js';
import type { Rule } from './types.js';

interface SourceEdit {
  from: number;
  to: number;
  text: string;
}

const MAX_PASSES = 5;

/** One pass: the source with every safe, non-overlapping fix applied. */
function fixOnce(loaded: LoadedPlan, config: Config, rules: readonly Rule[]): string {
  const suppressed = parseSuppressions(loaded.source);
  const edits: SourceEdit[] = [];
  for (const rule of rules) {
    if (!rule.fix || config.rules?.[rule.id] === 'off') continue;
    const paths = new Map<string, readonly (string | number)[]>();
    for (const f of rule.check({ loaded, config })) paths.set(JSON.stringify(f.path), f.path);
    for (const path of paths.values()) {
      const node = loaded.document.getIn(path, true);
      if (!isScalar(node) || typeof node.value !== 'string' || !node.range) continue;
      // Escapes make value offsets and source offsets differ; leave those strings to the writer.
      if (node.type === Scalar.QUOTE_DOUBLE && loaded.source.slice(node.range[0], node.range[1]).includes('\\')) continue;
      for (const e of rule.fix(node.value)) {
        const from = sourceOffset(loaded.source, node, e.start);
        const to = sourceOffset(loaded.source, node, e.end);
        if (suppressed(rule.id, loaded.positionOf(from).line)) continue;
        edits.push({ from, to, text: e.text });
      }
    }
  }
  edits.sort((a, b) => b.from - a.from || b.to - a.to);
  let out = loaded.source;
  let limit = Infinity;
  for (const e of edits) {
    if (e.to > limit) continue; // overlaps a later edit: the next pass will see it again
    out = out.slice(0, e.from) + e.text + out.slice(e.to);
    limit = e.from;
  }
  return out;
}

/** The fully fixed source of a plan (the same text when nothing is fixable). */
export function fixPlanSource(loaded: LoadedPlan, config: Config, rules: readonly Rule[] = RULES): string {
  let current = loaded;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = fixOnce(current, config, rules);
    if (next === current.source) return next;
    const reparsed = parsePlan(current.file, new TextEncoder().encode(next)).loaded;
    // A fix must never break the file; if it would, keep what the previous pass had.
    if (!reparsed) return current.source;
    current = reparsed;
  }
  return current.source;
}
