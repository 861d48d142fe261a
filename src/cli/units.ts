/** `workplan units`: flags → checkPlans → countUnits → a table or JSON. */
import { checkPlans } from '../pipeline/check-plans.js';
import { countUnits } from '../pipeline/count-units.js';
import { findPlanFiles } from '../pipeline/plan-files.js';
import { UsageError } from '../usage-error.js';
import { formatStylish } from '../report/stylish.js';
import { countDiagnostics } from '../report/summary.js';
import { formatUnitsTable } from '../report/units-table.js';
import { useColor } from './output.js';

export async function runUnits(paths: string[], options: { format: string }): Promise<number> {
  if (!['table', 'json'].includes(options.format)) throw new UsageError(`未知的输出格式“${options.format}”，可用：table、json`);
  const files = await findPlanFiles(paths);
  const { plans, diagnostics } = await checkPlans(files);
  if (countDiagnostics(diagnostics).errors > 0) {
    process.stdout.write(formatStylish(diagnostics, { color: useColor(process.stdout, undefined), fileCount: files.length }));
    return 1;
  }
  const report = countUnits(plans);
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatUnitsTable(report));
  return 0;
}
