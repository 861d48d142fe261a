/** `workplan import-progress`: filled forms → importProgress → the plan rewritten (or the diff shown), problems at their cells. */
import { writeFixedPlan } from '../pipeline/fix-plans.js';
import { importProgress } from '../pipeline/import-progress.js';
import { formatFixDiff } from '../report/fix-diff.js';
import { formatStylish } from '../report/stylish.js';
import { UsageError } from '../usage-error.js';
import { useColor } from './output.js';

export interface ImportProgressFlags {
  into?: string;
  dryRun?: boolean;
  asOf?: string;
  unit?: string;
  color?: boolean;
}

export async function runImportProgress(forms: string[], flags: ImportProgressFlags): Promise<number> {
  if (flags.into === undefined) throw new UsageError('请用 --into 给出要写入进展的计划文件，例如 --into plans/2025-工作安排意见.yaml');
  if (forms.length === 0) throw new UsageError('请给出要读回的填报表（.xlsx）');
  // The reports are written back into the plan file: standard input has no file to write (it once made a file named “-”).
  if (flags.into === '-' && !flags.dryRun) throw new UsageError('--into - 从标准输入读计划，读回的进展却无处写回：请给出计划文件，或加 --dry-run 只显示修改');
  const result = await importProgress({
    forms,
    into: flags.into,
    ...(flags.asOf !== undefined ? { asOf: flags.asOf } : {}),
    ...(flags.unit !== undefined ? { unit: flags.unit } : {}),
  });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !result.plan) {
    process.stdout.write(formatStylish(result.diagnostics, { color: useColor(process.stdout, flags.color), fileCount: forms.length + 1 }));
    process.stderr.write('有问题，计划文件未改动\n');
    return 1;
  }
  // Warnings (a figure two units gave differently, a report of a day the plan already has) are said, and do not stop the import.
  if (result.diagnostics.length) process.stderr.write(formatStylish(result.diagnostics, { color: useColor(process.stderr, flags.color), fileCount: forms.length + 1 }));
  const { plan, before = '', after = '' } = result;
  const kept = result.unchanged ? `，${result.unchanged} 条计划里已有，未重复追加` : '';
  if (after === before) {
    process.stderr.write(`没有新的进展可追加${kept}\n`);
    return 0;
  }
  if (flags.dryRun) {
    process.stdout.write(formatFixDiff(plan.shown, before, after, ['读回前', '读回后']));
    process.stderr.write(`将追加 ${result.added} 条进展${kept}（--dry-run，未写入）\n`);
    return 0;
  }
  await writeFixedPlan({ plan, after, bom: plan.loaded?.bom ?? false });
  process.stderr.write(`已把 ${result.added} 条进展写入 ${plan.shown}${kept}\n`);
  return 0;
}
