/** `workplan diff`: two plan files (or the two latest years in plans/) → diffPlanFiles → a table or JSON, and the files asked for. */
import { diffPlanFiles } from '../pipeline/plan-diff.js';
import { findYearPairs } from '../pipeline/plan-files.js';
import { UsageError } from '../usage-error.js';
import { deliverDocuments } from '../pipeline/publish-documents.js';
import { formatDiffTable } from '../report/diff-table.js';
import { formatStylish } from '../report/stylish.js';
import { useColor } from './output.js';

export interface DiffFlags {
  to?: string;
  output?: string;
  unit?: string;
  script?: string;
  format: string;
  color?: boolean;
}

export async function runDiff(paths: string[], flags: DiffFlags): Promise<number> {
  if (!['stylish', 'json'].includes(flags.format)) throw new UsageError(`未知的输出格式“${flags.format}”，可用：stylish、json`);
  if (paths.length !== 0 && paths.length !== 2) throw new UsageError('diff 需要两个计划文件（上一年的在前），或者不给文件，在计划仓库里对照 plans/ 中最近两个年度的同名计划');
  const pairs = paths.length === 2 ? [[paths[0]!, paths[1]!] as [string, string]] : await findYearPairs('plans');
  const result = await diffPlanFiles(pairs, flags);
  if (result.entries.length === 0) {
    process.stdout.write(formatStylish(result.diagnostics, { color: useColor(process.stdout, flags.color), fileCount: pairs.length * 2 }));
    return 1;
  }
  if (flags.output === '-') {
    // Standard output carries the document alone.
  } else if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify(result.entries.map(({ oldFile, newFile, diff }) => ({ oldFile, newFile, ...diff })), null, 2)}\n`);
  } else {
    process.stdout.write(formatDiffTable(result.entries));
  }
  if (result.publications.length) {
    const { stdout } = await deliverDocuments(result.publications, {
      output: flags.output,
      inputs: pairs.flat(),
      onWritten: (output) => process.stderr.write(`已生成 ${output.shown ?? output.path}\n`),
    });
    if (stdout !== undefined) process.stdout.write(stdout);
  }
  return 0;
}
