import { type Diagnostic, sortDiagnostics } from '../diagnostic.js';

/** An array of Diagnostics, exactly the shared shape. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(sortDiagnostics(diagnostics), null, 2)}\n`;
}
