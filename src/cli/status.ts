/** `workplan status`: flags → checkPlans → planStatuses → a table, JSON or GitHub annotations, and the files asked for. */
import { checkPlans } from '../pipeline/check-plans.js';
import { findPlanFiles } from '../pipeline/plan-files.js';
import { parseStatusOptions, planStatuses } from '../pipeline/plan-status.js';
import { progressFormPublications } from '../pipeline/progress-forms.js';
import { UsageError } from '../usage-error.js';
import { deliverDocuments } from '../pipeline/publish-documents.js';
import { formatGithub } from '../report/github.js';
import { formatStatusTable } from '../report/status-table.js';
import { formatStylish } from '../report/stylish.js';
import { countDiagnostics } from '../report/summary.js';
import { clearProgress, useColor, writeProgress } from './output.js';

export interface StatusFlags {
  asOf?: string;
  unit?: string;
  to?: string;
  output?: string;
  forms?: string;
  script?: string;
  format: string;
  color?: boolean;
}

const FORMATS = ['stylish', 'json', 'github'];

export async function runStatus(paths: string[], flags: StatusFlags): Promise<number> {
  if (!FORMATS.includes(flags.format)) throw new UsageError(`未知的输出格式“${flags.format}”，可用：${FORMATS.join('、')}`);
  const options = parseStatusOptions(flags);
  const files = await findPlanFiles(paths.length ? paths : ['plans']);
  if (files.length === 0) throw new UsageError(`在 ${paths.join('、') || 'plans'} 中没有找到 .yaml 计划文件`);
  let live = false;
  const { plans, diagnostics } = await checkPlans(files, undefined, undefined, (index, total, shown) => {
    live = writeProgress('读取', index, total, shown) || live;
  });
  if (live) clearProgress();
  if (countDiagnostics(diagnostics).errors > 0) {
    process.stdout.write(formatStylish(diagnostics, { color: useColor(process.stdout, flags.color), fileCount: files.length }));
    return 1;
  }
  const result = await planStatuses(plans, options);
  if (options.unit !== undefined && result.plans.every((p) => p.status.measures.length === 0)) {
    throw new UsageError(`计划里没有由“${options.unit}”牵头或参与的举措`);
  }
  if (flags.output === '-') {
    // Standard output carries the document alone.
  } else if (flags.format === 'json') {
    process.stdout.write(`${JSON.stringify({ asOf: options.asOf, plans: result.plans }, null, 2)}\n`);
  } else if (flags.format === 'github') {
    process.stdout.write(formatGithub(result.annotations));
  } else {
    process.stdout.write(formatStatusTable(result.plans));
  }
  if (result.publications.length) {
    const { stdout } = await deliverDocuments(result.publications, {
      output: options.output,
      inputs: files,
      onWritten: (output) => process.stderr.write(`已生成 ${output.shown ?? output.path}\n`),
    });
    if (stdout !== undefined) process.stdout.write(stdout);
  }
  if (flags.forms !== undefined) {
    const forms = await progressFormPublications(plans, { asOf: options.asOf, unit: options.unit, script: options.script });
    await deliverDocuments(forms, {
      output: flags.forms,
      inputs: files,
      onWritten: (output) => process.stderr.write(`已生成填报表 ${output.shown ?? output.path}\n`),
    });
  }
  return 0;
}
