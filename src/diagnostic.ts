import type { RuleId } from './rule-catalog.js';
import { cellRef } from './text/cell-names.js';

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
  /** In a spreadsheet, the cell instead of a line: `进展填报!C7` (shown as file.xlsx!进展填报!C7); line and column are its row and column. */
  cell?: string;
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
  at: { file: string; span?: Span; path?: readonly (string | number)[]; cell?: { sheet: string; row: number; column: number } },
  severity: Severity = 'error',
): Diagnostic {
  const span = at.span ?? (at.cell ? { line: at.cell.row, column: at.cell.column } : { line: 1, column: 1 });
  const cell = at.cell ? { cell: `${at.cell.sheet}!${cellRef(at.cell.row, at.cell.column)}` } : {};
  return { ruleId, severity, message, file: at.file, ...span, path: formatPath(at.path ?? []), ...cell };
}

/** Where a Diagnostic points, as a person reads it: file:line:col, or file.xlsx!Sheet!C7. */
export function formatLocation(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'cell'>): string {
  return d.cell !== undefined ? `${d.file}!${d.cell}` : `${d.file}:${d.line}:${d.column}`;
}
