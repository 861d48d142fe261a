/**
 * What text rules look at: every string in a plan with its path, and the exact source position
 * of a character inside one, so a finding points at the comma, not the whole paragraph.
 */
import { isScalar, Scalar } from 'yaml';
import type { Span } from '../diagnostic.js';
import type { LoadedPlan, PlanPath } from '../plan/load-plan.js';
import { mapScalarSource } from '../plan/scalar-source.js';
import type { Edit, SourceEdit } from './types.js';

export interface TextField {
  path: PlanPath;
  value: string;
}

/** Keys whose values are codes or dates, not prose. */
const NOT_PROSE = new Set(['kind', 'date', 'printedOn', 'due', 'status', 'style', 'separator', 'file', 'id']);

/** Every string in the plan, depth first, with its path; `prose` skips codes and dates. */
export function textFields(data: unknown, options: { prose?: boolean } = {}): TextField[] {
  const out: TextField[] = [];
  const walk = (value: unknown, path: PlanPath) => {
    if (typeof value === 'string') {
      const key = path[path.length - 1];
      if (!(options.prose && typeof key === 'string' && NOT_PROSE.has(key))) out.push({ path, value });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        // Keys of progress.values are names, and names are text too.
        if (path[path.length - 1] === 'values') out.push({ path: [...path, k], value: k });
        walk(v, [...path, k]);
      }
    }
  };
  walk(data, []);
  return out;
}

/** Source span of characters [start, end) of the string at `path`. */
export function spanInString(loaded: LoadedPlan, path: PlanPath, start: number, end: number = start + 1): Span {
  const node = loaded.document.getIn(path, true);
  const map = isScalar(node) ? mapScalarSource(loaded.source, node) : undefined;
  if (!map || map.offsets.length === 0) return loaded.locate(path);
  const last = map.offsets.length - 1;
  const from = map.offsets[Math.min(start, last)]!;
  // The end is just after the last character the span covers.
  const to = end > start ? map.offsets[Math.min(end - 1, last)]! + 1 : from;
  const a = loaded.positionOf(from);
  const b = loaded.positionOf(to);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/**
 * Edits of the string at `path` as edits of the source file. An edit is kept only where every
 * character it replaces stands verbatim in the source, side by side; a whitespace character at its
 * end that is really a line fold is left out of it (the fold stays). Anything else gets no edit,
 * and the finding is reported without a fix.
 */
export function sourceEdits(loaded: LoadedPlan, path: PlanPath, edits: readonly Edit[]): SourceEdit[] {
  const node = loaded.document.getIn(path, true);
  if (!isScalar(node) || typeof node.value !== 'string') return [];
  const map = mapScalarSource(loaded.source, node);
  if (!map) return [];
  const out: SourceEdit[] = [];
  for (const edit of edits) {
    let end = edit.end;
    while (end - 1 > edit.start && !map.verbatim[end - 1] && /\s/.test(node.value[end - 1]!)) end--;
    if (end <= edit.start) continue;
    const from = map.offsets[edit.start]!;
    let contiguous = true;
    for (let k = edit.start; k < end; k++) if (!map.verbatim[k] || map.offsets[k] !== from + (k - edit.start)) contiguous = false;
    if (!contiguous) continue;
    out.push({ from, to: from + (end - edit.start), text: quoteFor(node, edit.text), path, value: { start: edit.start, end, text: edit.text } });
  }
  return out;
}

/** Replacement text written the way the scalar's style needs it. */
function quoteFor(node: Scalar, text: string): string {
  if (node.type === Scalar.QUOTE_SINGLE) return text.replace(/'/g, "''");
  if (node.type === Scalar.QUOTE_DOUBLE) return text.replace(/[\\"]/g, (c) => `\\${c}`);
  return text;
}
