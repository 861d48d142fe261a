/** Human format: grouped by file, one row per problem, a summary line at the end. */
import { Chalk } from 'chalk';
import { type Diagnostic, formatLocation, sortDiagnostics } from '../diagnostic.js';
import { countDiagnostics, formatCounts } from './summary.js';
import { showInvalidChars } from '../text/invalid-chars.js';

export interface StylishOptions {
  color: boolean;
  /** Files checked, so a clean run can say how many. */
  fileCount: number;
}

export function formatStylish(diagnostics: readonly Diagnostic[], options: StylishOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of sortDiagnostics(diagnostics)) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(c.underline(showInvalidChars(file)));
    for (const d of list) {
      // file:line:col in every row so terminals and editors make it a link (file.xlsx!Sheet!C7 for a spreadsheet).
      const where = c.dim(showInvalidChars(formatLocation(d)));
      const severity = d.severity === 'error' ? c.red('错误') : c.yellow('警告');
      lines.push(`  ${where}  ${severity}  ${showInvalidChars(d.message)}  ${c.dim(d.ruleId)}`);
    }
    lines.push('');
  }
  const counts = countDiagnostics(diagnostics);
  if (counts.errors + counts.warnings === 0) {
    lines.push(c.green(`✔ 已检查 ${options.fileCount} 个文件，没有发现问题`));
  } else {
    const mark = counts.errors ? c.red('✖') : c.yellow('⚠');
    lines.push(`${mark} ${formatCounts(counts)}（已检查 ${options.fileCount} 个文件）`);
  }
  return `${lines.join('\n')}\n`;
}
