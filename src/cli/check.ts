/** `workplan check`: flags → checkPlans (and fixPlans) → report, and the exit code. */
import { type CheckResult, checkPlans } from '../pipeline/check-plans.js';
import type { FixResult } from '../pipeline/fix-plans.js';
import { findPlanFiles, parseShard, readsStandardInput, selectShard } from '../pipeline/plan-files.js';
import { UsageError } from '../usage-error.js';
import { type FormatName, FORMATS, formatDiagnostics } from '../report/index.js';
import { countDiagnostics } from '../report/summary.js';
import { clearProgress, useColor, writeProgress } from './output.js';
import { readVersion } from './version.js';

export interface CheckOptions {
  format: string;
  maxWarnings?: string;
  color?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  /** `i/n`: only the i-th of n shards of the plan files. */
  shard?: string;
}

export async function runCheck(paths: string[], options: CheckOptions): Promise<number> {
  const format = options.format as FormatName;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`未知的输出格式“${options.format}”，可用：${FORMATS.join('、')}`);
  }
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const found = await findPlanFiles(paths.length ? paths : ['plans']);
  if (found.length === 0) throw new UsageError(`在 ${paths.join('、') || 'plans'} 中没有找到 .yaml 计划文件`);
  const files = shard ? await selectShard(found, shard) : found;
  // On standard error, so that json and sarif on standard output stay whole.
  if (shard) process.stderr.write(`分片 ${shard.index}/${shard.count}：共 ${found.length} 个计划文件，本片 ${files.length} 个\n`);

  if (options.fix && !options.fixDryRun && readsStandardInput(files)) {
    throw new UsageError('--fix 要改写文件，不能用于标准输入（-）；可用 --fix-dry-run 查看修改');
  }
  let live = false;
  const progress = (index: number, total: number, shown: string) => {
    live = writeProgress('检查', index, total, shown) || live;
  };
  let result = await checkPlans(files, undefined, undefined, progress);
  if (live) clearProgress();
  let diagnostics = result.diagnostics;
  if (options.fix || options.fixDryRun) {
    const fixed = await fix(result, options.fixDryRun ? 'show' : 'write');
    // After writing, report what is left; a dry run reports the files as they are.
    if (fixed.changed && options.fix && !options.fixDryRun) result = await checkPlans(files);
    diagnostics = [...result.diagnostics, ...fixed.diagnostics];
  }
  process.stdout.write(
    formatDiagnostics(format, diagnostics, {
      color: useColor(process.stdout, options.color),
      fileCount: files.length,
      version: readVersion(),
    }),
  );
  const { errors, warnings } = countDiagnostics(diagnostics);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`警告数 ${warnings} 超过了 --max-warnings ${maxWarnings} 的上限\n`);
    return 1;
  }
  return 0;
}

/** Applies (or shows) every safe fix; says whether any file changed, and which fixes were refused. */
async function fix(result: CheckResult, mode: 'write' | 'show'): Promise<{ changed: boolean; diagnostics: FixResult['diagnostics'] }> {
  // Only --fix needs these; plain check stays lean.
  const { fixPlans, writeFixedPlan } = await import('../pipeline/fix-plans.js');
  const { formatFixDiff } = await import('../report/fix-diff.js');
  const { fixes, diagnostics } = fixPlans(result);
  for (const { plan, before, after, bom } of fixes) {
    if (mode === 'show') {
      process.stdout.write(formatFixDiff(plan.shown, before, after));
      continue;
    }
    await writeFixedPlan({ plan, after, bom });
    process.stderr.write(`已修正 ${plan.shown}\n`);
  }
  return { changed: fixes.length > 0, diagnostics };
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings 应为非负整数，这里是“${value}”`);
  return n;
}
