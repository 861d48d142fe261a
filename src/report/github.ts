/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`. */
import { type Diagnostic, sortDiagnostics } from '../diagnostic.js';

/** Escaping of a command's message, as @actions/core does it. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values: the message escapes plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const command = d.severity === 'error' ? 'error' : 'warning';
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        ...(d.endLine !== undefined ? [`endLine=${d.endLine}`] : []),
        ...(d.endColumn !== undefined ? [`endColumn=${d.endColumn}`] : []),
        `title=${escapeProperty(d.ruleId)}`,
      ];
      return `::${command} ${props.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
}
