/** `workplan units`: every unit a plan names, with how many measures it leads and shares. */
import { isSpeechFile } from '../plan/model.js';
import { unitRegistry } from '../plan/config.js';
import { formatStylish } from '../report/stylish.js';
import { countDiagnostics } from '../report/summary.js';
import { unitCounts } from '../tasks/task-rows.js';
import { visualWidth } from '../text/width.js';
import { checkPlansOrExplain } from './check.js';
import { findPlanFiles } from './files.js';
import { useColor } from './output.js';
import { UsageError } from './usage-error.js';

export async function runUnits(paths: string[], options: { format: string }): Promise<number> {
  if (!['table', 'json'].includes(options.format)) throw new UsageError(`未知的输出格式“${options.format}”，可用：table、json`);
  const files = await findPlanFiles(paths);
  const { plans, diagnostics } = await checkPlansOrExplain(files);
  if (countDiagnostics(diagnostics).errors > 0) {
    process.stdout.write(formatStylish(diagnostics, { color: useColor(process.stdout, undefined), fileCount: files.length }));
    return 1;
  }
  const report = plans.flatMap((p) =>
    p.loaded && !isSpeechFile(p.loaded.plan) ? [{ file: p.shown, units: unitCounts(p.loaded.plan, unitRegistry(p.config.config)) }] : [],
  );
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  for (const { file, units } of report) {
    const width = Math.max(4, ...units.map((u) => visualWidth(u.unit)));
    const pad = (s: string) => s + ' '.repeat(Math.ceil((width - visualWidth(s)) * 2));
    process.stdout.write(`${file}\n  ${pad('单位')}  牵头  参与\n`);
    for (const u of units) process.stdout.write(`  ${pad(u.unit)}  ${String(u.lead).padStart(4)}  ${String(u.responsible).padStart(4)}\n`);
    process.stdout.write('\n');
  }
  return 0;
}
