/** `workplan check`: load every plan, run the rules, report, and say so in the exit code. */
import { type CheckResult, checkPlans, UnreadableFileError } from '../pipeline/check-plans.js';
import { STDIN_PATH } from '../plan/load-plan.js';
import { type FormatName, FORMATS, formatDiagnostics } from '../report/index.js';
import { countDiagnostics } from '../report/summary.js';
import { describeFsError, findPlanFiles } from './files.js';
import { useColor } from './output.js';
import { UsageError } from './usage-error.js';
import { readVersion } from './version.js';

export interface CheckOptions {
  format: string;
  maxWarnings?: string;
  color?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
}

export async function runCheck(paths: string[], options: CheckOptions): Promise<number> {
  const format = options.format as FormatName;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`未知的输出格式“${options.format}”，可用：${FORMATS.join('、')}`);
  }
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const files = await findPlanFiles(paths.length ? paths : ['plans']);
  if (files.length === 0) throw new UsageError(`在 ${paths.join('、') || 'plans'} 中没有找到 .yaml 计划文件`);

  if (options.fix && !options.fixDryRun && files.includes(STDIN_PATH)) {
    throw new UsageError('--fix 要改写文件，不能用于标准输入（-）；可用 --fix-dry-run 查看修改');
  }
  let result = await checkPlansOrExplain(files);
  if (options.fix || options.fixDryRun) {
    const changed = await fixPlans(result, options.fixDryRun ? 'show' : 'write');
    // After writing, report what is left; a dry run reports the files as they are.
    if (changed && options.fix && !options.fixDryRun) result = await checkPlansOrExplain(files);
  }
  const diagnostics = result.diagnostics;
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

/** checkPlans, with an unreadable file reported as a usage error (exit 2). */
export async function checkPlansOrExplain(files: readonly string[]): Promise<CheckResult> {
  try {
    return await checkPlans(files);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new UsageError(`无法读取“${error.file}”：${describeFsError(error.cause)}`);
    throw error;
  }
}

/** Applies (or shows) every safe fix; returns whether any file changed. */
async function fixPlans(result: CheckResult, mode: 'write' | 'show'): Promise<boolean> {
  // Only --fix needs these; plain check stays lean.
  const { fixPlanSource } = await import('../rules/apply-fixes.js');
  const { writeFileAtomic } = await import('../emit/write-file.js');
  const { createTwoFilesPatch } = await import('diff');
  let changed = false;
  for (const plan of result.plans) {
    if (!plan.loaded) continue;
    const fixed = fixPlanSource(plan.loaded, plan.config.config);
    if (fixed === plan.loaded.source) continue;
    changed = true;
    if (mode === 'show') {
      process.stdout.write(createTwoFilesPatch(plan.shown, plan.shown, plan.loaded.source, fixed, '修正前', '修正后'));
      continue;
    }
    try {
      await writeFileAtomic(plan.file, (plan.loaded.bom ? '\uFEFF' : '') + fixed);
    } catch (error) {
      throw new UsageError(`无法写入“${plan.shown}”：${describeFsError(error)}`);
    }
    process.stderr.write(`已修正 ${plan.shown}\n`);
  }
  return changed;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings 应为非负整数，这里是“${value}”`);
  return n;
}
