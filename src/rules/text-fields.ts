/**
 * What text rules look at: every string in a plan with its path, and the exact source position
 * of a character inside one, so a finding points at the comma, not the whole paragraph.
 */
import { isScalar, Scalar } from 'yaml';
import type { Span } from '../diagnostic.js';
import type { LoadedPlan, PlanPath } from '../plan/load-plan.js';
import type { Edit, SourceEdit } from './types.js';

export interface TextField {
  path: PlanPath;
  value: string;
}

/** Keys whose values are codes or dates, not prose. */
const NOT_PROSE = new Set(['kind', 'date', 'printedOn', 'due', 'status', 'style', 'separator', 'file']);

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
  if (!isScalar(node) || !node.range) return loaded.locate(path);
  const from = sourceOffset(loaded.source, node, start);
  const to = sourceOffset(loaded.source, node, end);
  const a = loaded.positionOf(from);
  const b = loaded.positionOf(to);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/**
 * Edits of the string at `path` as edits of the source file. None when the string's characters
 * do not map one to one onto the source (escapes in a double-quoted string): the writer fixes those.
 */
export function sourceEdits(loaded: LoadedPlan, path: PlanPath, edits: readonly Edit[]): SourceEdit[] {
  const node = loaded.document.getIn(path, true);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return [];
  if (node.type === Scalar.QUOTE_DOUBLE && loaded.source.slice(node.range[0], node.range[1]).includes('\\')) return [];
  return edits.map((e) => ({ from: sourceOffset(loaded.source, node, e.start), to: sourceOffset(loaded.source, node, e.end), text: e.text }));
}

/** Source offset of character `index` of a scalar's value. */
export function sourceOffset(source: string, node: Scalar, index: number): number {
  const [begin, valueEnd] = node.range!;
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    // The value's lines are the source lines after the header, less their common indent.
    const body = source.slice(begin, valueEnd);
    const headerEnd = body.indexOf('\n') + 1;
    const lines = body.slice(headerEnd).split('\n');
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
    let remaining = index;
    let offset = begin + headerEnd;
    for (const line of lines) {
      const content = line.length - Math.min(indent, line.length);
      if (remaining <= content) return offset + Math.min(indent, line.length) + remaining;
      remaining -= content + 1;
      offset += line.length + 1;
    }
    return valueEnd;
  }
  const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
  // Plain and quoted scalars map one to one (escapes in quoted strings are rare in plans).
  return Math.min(begin + quoted + index, valueEnd);
}
