/** `workplan build`: flags → checkPlans → buildDocuments → files (atomically), stdout, or --check; or --watch. */
import { type BuildOptions, type BuildRequest, resolveBuildOptions } from '../pipeline/build-options.js';
import { type BuildHooks, type SpeechReport, buildDocuments } from '../pipeline/build-documents.js';
import { checkPlans } from '../pipeline/check-plans.js';
import { findPlanFiles, parseShard, selectShard, STDIN_PATH } from '../pipeline/plan-files.js';
import { UsageError } from '../pipeline/usage-error.js';
import { staleOutputs, writeOutputs } from '../pipeline/write-outputs.js';
import { formatStylish } from '../report/stylish.js';
import { countDiagnostics } from '../report/summary.js';
import { clearProgress, useColor, writeProgress } from './output.js';

export interface BuildFlags extends BuildRequest {
  color?: boolean;
  /** Compare with the files on disk instead of writing them. */
  check?: boolean;
  /** Build, then rebuild whenever a plan, its configuration or its templates change. */
  watch?: boolean;
  /** `i/n`: only the i-th of n shards of the plan files. */
  shard?: string;
}

export async function runBuild(paths: string[], flags: BuildFlags): Promise<number> {
  const options = resolveBuildOptions(flags);
  if (flags.shard !== undefined) parseShard(flags.shard);
  if (flags.watch) return watchBuild(paths, flags, options);
  return (await buildOnce(paths, flags, options)).code;
}

interface BuildOutcome {
  code: number;
  /** Files written (0 for --check and standard output). */
  written: number;
}

/** What a watch keeps between builds: the template cache, and the files the last build read besides the plans. */
interface WatchState extends Pick<BuildHooks, 'templateCache'> {
  /** The plans speech files take their figures from: --watch watches their folders too. */
  dependencies: string[];
}

/** One build. `watching` keeps the template cache between calls and leaves the log to the caller. */
async function buildOnce(paths: string[], flags: BuildFlags, options: BuildOptions, watching?: WatchState): Promise<BuildOutcome> {
  const found = await findPlanFiles(paths);
  if (found.length === 0) throw new UsageError(`在 ${paths.join('、')} 中没有找到 .yaml 计划文件`);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const files = shard ? await selectShard(found, shard) : found;
  if (shard) process.stderr.write(`分片 ${shard.index}/${shard.count}：共 ${found.length} 个计划文件，本片 ${files.length} 个\n`);
  if (files.length === 0) return { code: 0, written: 0 };
  const color = useColor(process.stdout, flags.color);

  // load → check everything first: an invalid plan stops the build before any file is written.
  const { plans, diagnostics } = await checkPlans(files);
  if (watching) watching.dependencies = plans.flatMap((p) => (p.loaded?.figuresFile !== undefined ? [p.loaded.figuresFile] : []));
  if (countDiagnostics(diagnostics).errors > 0) {
    process.stdout.write(formatStylish(diagnostics, { color, fileCount: files.length }));
    return { code: 1, written: 0 };
  }
  if (diagnostics.length > 0) process.stderr.write(formatStylish(diagnostics, { color: useColor(process.stderr, flags.color), fileCount: files.length }));

  const progress = createProgress(!flags.check && !watching);
  const built = await buildDocuments(plans, options, { onProgress: watching ? undefined : progress.update, ...(watching ? { templateCache: watching.templateCache } : {}) });
  if (built.diagnostics.length > 0) {
    process.stdout.write(formatStylish(built.diagnostics, { color, fileCount: files.length }));
    return { code: 1, written: 0 };
  }
  if (built.warnings.length > 0) process.stderr.write(formatStylish(built.warnings, { color: useColor(process.stderr, flags.color), fileCount: files.length }));
  if (flags.check) {
    progress.finish();
    if (built.documents.some((d) => d.path === '-')) throw new UsageError('--check 需要与磁盘上的文件比较，不能与 -o - 同用');
    const stale = await staleOutputs(built.documents);
    if (stale.length) {
      process.stdout.write(`${stale.map((s) => `过期 ${s.path}：${s.why}`).join('\n')}\n✖ ${stale.length} 个文稿与计划现在生成的结果不同：请运行 workplan build 并提交\n`);
      return { code: 1, written: 0 };
    }
    process.stdout.write(`✔ ${built.documents.length} 个文稿都与计划一致\n`);
    return { code: 0, written: 0 };
  }
  const [first] = built.documents;
  if (first?.path === '-') process.stdout.write(first.data);
  else await writeOutputs(built.documents, watching ? undefined : (output) => progress.done(output.path));
  progress.finish();
  if (!watching) for (const speech of built.speeches) process.stderr.write(`${describeSpeech(speech)}\n`);
  return { code: 0, written: first?.path === '-' ? 0 : built.documents.length };
}

/**
 * --watch: build, then rebuild on every change until Ctrl-C, printing one line per build with
 * its time. The process stays warm: modules loaded once, templates compiled once per repository
 * until a template changes. A build that fails (a plan with errors, a broken template) is
 * reported and the watch goes on.
 */
async function watchBuild(paths: string[], flags: BuildFlags, options: BuildOptions): Promise<number> {
  if (flags.check) throw new UsageError('--watch 与 --check 不能同用');
  if (paths.includes(STDIN_PATH) || options.output === '-') throw new UsageError('--watch 要监视文件并写出文件，不能用标准输入或标准输出（-）');
  // Paths that do not exist are a usage error now, not a watch on nothing.
  await findPlanFiles(paths);
  const { watchPlans } = await import('../pipeline/watch-plans.js');
  const templateCache: NonNullable<BuildHooks['templateCache']> = new Map();
  const state: WatchState = { templateCache, dependencies: [] };
  let first = true;

  const rebuild = async () => {
    const started = performance.now();
    let outcome: string;
    try {
      const { code, written } = await buildOnce(paths, flags, options, state);
      outcome = code === 0 ? `${first ? '已生成' : '重新生成'} ${written} 个文件` : '计划有错误，没有生成文件';
    } catch (error) {
      // Whatever went wrong with this build, the next edit may fix it: report and keep watching.
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(error instanceof UsageError ? `workplan：${message}\n` : `workplan：内部错误：${message}\n`);
      outcome = '无法生成';
    }
    const took = Math.round(performance.now() - started);
    process.stderr.write(`[${new Date().toLocaleTimeString('zh-CN', { hour12: false })}] ${outcome}（用时 ${took} 毫秒）\n`);
    first = false;
  };

  await rebuild();
  const watcher = await watchPlans(
    paths,
    async (change) => {
      if (change.templates) templateCache.clear();
      await rebuild();
    },
    { dependencies: () => state.dependencies },
  );
  process.stderr.write('正在监视计划、workplan.config.yaml 和模板的改动，按 Ctrl-C 结束\n');
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

/**
 * Progress for batches: on a terminal one line rewritten in place, then a summary; in logs
 * (CI, pipes) a line for every file written.
 */
function createProgress(writing: boolean) {
  let live = false;
  let written = 0;
  return {
    update(index: number, total: number, file: string) {
      live = writeProgress('生成', index, total, file);
    },
    done(file: string) {
      written++;
      if (!live) process.stderr.write(`已生成 ${file}\n`);
    },
    finish() {
      if (!live) return;
      clearProgress();
      if (writing) process.stderr.write(`已生成 ${written} 个文件\n`);
    },
  };
}

/** 汇报发言 facts a speaker needs: characters and reading time against the slot. */
function describeSpeech({ shown, facts, limit }: SpeechReport): string {
  const slot = limit === undefined ? '' : facts.minutes > limit ? `，超过限时 ${limit} 分钟` : `，限时 ${limit} 分钟`;
  return `${shown}：汇报发言共 ${facts.characters} 字（从称谓到结束语，只计汉字），按每分钟 ${facts.pace} 字约需 ${facts.minutes} 分钟${slot}`;
}
