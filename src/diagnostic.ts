import type { RuleId } from './rule-catalog.js';

/** Severity of a finding. `off` exists only in configuration, never on a Diagnostic. */
export type Severity = 'error' | 'warning';

/**
 * The one shape every problem takes, from the YAML parser to the last rule.
 * Lines and columns are 1-based, as editors show them.
 */
export interface Diagnostic {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Plan path such as `sections[2].measures[0].lead`; empty for the whole file. */
  path: string;
  /** Other places that explain the problem (where an unclosed quote should have closed). */
  related?: { line: number; column: number; message: string }[];
}

/** Where a Diagnostic points, without what it says. */
export interface Span {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** Orders diagnostics by file, then position, so every formatter prints the same order. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** Formats a plan path (`['sections', 2, 'title']`) the way messages and JSON show it. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

/**
 * The one way to make a Diagnostic: the id must be in the rule catalogue, the key order is fixed
 * (JSON output stays stable) and a plan path is formatted once.
 */
export function makeDiagnostic(
  ruleId: RuleId,
  message: string,
  at: { file: string; span?: Span; path?: readonly (string | number)[] },
  severity: Severity = 'error',
): Diagnostic {
  const span = at.span ?? { line: 1, column: 1 };
  return { ruleId, severity, message, file: at.file, ...span, path: formatPath(at.path ?? []) };
}
