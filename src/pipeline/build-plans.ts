/**
 * `build` as a whole: plan paths → files found (and sharded) → checked → documents → published
 * (written as a set, compared with the disk for `--check`, or standard output), and the `--watch`
 * loop around it. Prints nothing: everything the user hears goes through the BuildReporter the
 * command gives, so the CLI only parses flags and prints.
 */
import type { Diagnostic } from '../diagnostic.js';
import { STDIN_PATH } from '../plan/load-plan.js';
import type { BuildOptions } from './build-options.js';
import { type BuildHooks, type SpeechReport, buildDocuments } from './build-documents.js';
import { checkPlans } from './check-plans.js';
import { findPlanFiles, parseShard, selectShard } from './plan-files.js';
import { deliverDocuments } from './publish-documents.js';
import { UsageError } from '../usage-error.js';

/** What the command prints; every call is optional information, none changes the build. */
export interface BuildReporter {
  /** `--shard`: how many files the whole set and this shard hold. */
  shard?(index: number, count: number, found: number, selected: number): void;
  /** Problems of the plans or their documents: `fatal` ones stopped the build (stdout), the others did not (stderr). */
  diagnostics(list: readonly Diagnostic[], fatal: boolean, fileCount: number): void;
  /** Before each output is made (batches: a progress line). */
  progress?(index: number, total: number, path: string): void;
  /** A file of the set, once the whole set is in place. */
  written?(path: string): void;
  /** What goes to standard output (`-o -`). */
  stdout(data: Uint8Array | string): void;
  /** `--check`: the outputs that differ from what the plans give now, or none. */
  checked?(stale: readonly { path: string; why: string }[], total: number): void;
  /** A 汇报发言's length against its slot. */
  speech?(report: SpeechReport): void;
}

export interface BuildRequestFlags {
  /** Compare with the files on disk instead of writing them. */
  check?: boolean | undefined;
  /** `i/n`: only the i-th of n shards of the plan files. */
  shard?: string | undefined;
}

export interface BuildOutcome {
  /** 0 built (or up to date), 1 plan problems or stale outputs. */
  code: number;
  /** Files written (0 for --check and standard output). */
  written: number;
}

/** What a watch keeps between builds: the template cache, and the files the last build read besides the plans. */
interface WatchState extends Pick<BuildHooks, 'templateCache'> {
  /** The plans speech files take their figures from: --watch watches their folders too. */
  dependencies: string[];
}

/** One build of `paths`. `watching` keeps the template cache between calls (and speaks less). */
export async function buildPlans(
  paths: readonly string[],
  options: BuildOptions,
  flags: BuildRequestFlags,
  report: BuildReporter,
  watching?: WatchState,
): Promise<BuildOutcome> {
  const found = await findPlanFiles(paths);
  if (found.length === 0) throw new UsageError(`在 ${paths.join('、')} 中没有找到 .yaml 计划文件`);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const files = shard ? await selectShard(found, shard) : found;
  if (shard) report.shard?.(shard.index, shard.count, found.length, files.length);
  if (files.length === 0) return { code: 0, written: 0 };

  // load → check everything first: an invalid plan stops the build before any file is written.
  // Problems an imported source carried (marked `# workplan-imported`) do not stop a build.
  const { plans, diagnostics } = await checkPlans(files, undefined, { importedAsWarnings: true });
  if (watching) watching.dependencies = plans.flatMap((p) => (p.loaded?.figuresFile !== undefined ? [p.loaded.figuresFile] : []));
  if (diagnostics.some((d) => d.severity === 'error')) {
    report.diagnostics(diagnostics, true, files.length);
    return { code: 1, written: 0 };
  }
  if (diagnostics.length > 0) report.diagnostics(diagnostics, false, files.length);

  const built = await buildDocuments(plans, options, watching ? { templateCache: watching.templateCache } : {});
  if (built.diagnostics.length > 0) {
    report.diagnostics(built.diagnostics, true, files.length);
    return { code: 1, written: 0 };
  }
  if (built.warnings.length > 0) report.diagnostics(built.warnings, false, files.length);
  const delivery = await deliverDocuments(built.publications, {
    output: options.output,
    inputs: plans.map((p) => p.file),
    check: flags.check ?? false,
    ...(watching ? {} : { onProgress: report.progress, onWritten: (output) => report.written?.(output.path) }),
  });
  if (delivery.stale) {
    report.checked?.(delivery.stale, delivery.outputs.length);
    return { code: delivery.stale.length ? 1 : 0, written: 0 };
  }
  if (delivery.stdout !== undefined) {
    report.stdout(delivery.stdout);
    return { code: 0, written: 0 };
  }
  if (!watching) for (const speech of built.speeches) report.speech?.(speech);
  return { code: 0, written: delivery.outputs.length };
}

/** What the watch loop tells the user: each build's outcome and time, and that it is watching. */
export interface WatchReporter extends BuildReporter {
  /** After each build: `outcome` in Chinese, `ms` its time. */
  rebuilt(outcome: string, ms: number): void;
  /** A build that could not run (a broken template…): the watch goes on. */
  failed(message: string, internal: boolean): void;
  watching(): void;
}

/**
 * --watch: build, then rebuild on every change until SIGINT/SIGTERM, one line per build with its
 * time. The process stays warm: modules loaded once, templates compiled once per repository until a
 * template changes. A build that fails (a plan with errors, a broken template) is reported and the
 * watch goes on. Resolves with the exit code when stopped.
 */
export async function watchBuilds(paths: readonly string[], options: BuildOptions, flags: BuildRequestFlags, report: WatchReporter): Promise<number> {
  if (flags.check) throw new UsageError('--watch 与 --check 不能同用');
  if (paths.includes(STDIN_PATH) || options.output === '-') throw new UsageError('--watch 要监视文件并写出文件，不能用标准输入或标准输出（-）');
  // Paths that do not exist are a usage error now, not a watch on nothing.
  await findPlanFiles(paths);
  const { watchPlans } = await import('./watch-plans.js');
  const state: WatchState = { templateCache: new Map(), dependencies: [] };
  let first = true;

  const rebuild = async () => {
    const started = performance.now();
    let outcome: string;
    try {
      const { code, written } = await buildPlans(paths, options, flags, report, state);
      outcome = code === 0 ? `${first ? '已生成' : '重新生成'} ${written} 个文件` : '计划有错误，没有生成文件';
    } catch (error) {
      // Whatever went wrong with this build, the next edit may fix it: report and keep watching.
      report.failed(error instanceof Error ? error.message : String(error), !(error instanceof UsageError));
      outcome = '无法生成';
    }
    report.rebuilt(outcome, Math.round(performance.now() - started));
    first = false;
  };

  await rebuild();
  const watcher = await watchPlans(
    paths,
    async (change) => {
      if (change.templates) state.templateCache!.clear();
      await rebuild();
    },
    { dependencies: () => state.dependencies },
  );
  report.watching();
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      watcher.close();
      resolve(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
