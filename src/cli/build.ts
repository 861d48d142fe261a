/** `workplan build`: flags → the build engine (build-plans.ts) → what it reports, printed. */
import { type BuildRequest, resolveBuildOptions } from '../pipeline/build-options.js';
import type { SpeechReport } from '../pipeline/build-documents.js';
import { type BuildReporter, type WatchReporter, buildPlans, watchBuilds } from '../pipeline/build-plans.js';
import { parseShard } from '../pipeline/plan-files.js';
import { formatStylish } from '../report/stylish.js';
import { clearProgress, useColor, writeProgress } from './output.js';

export interface BuildFlags extends BuildRequest {
  color?: boolean;
  /** Build, then rebuild whenever a plan, its configuration or its templates change. */
  watch?: boolean;
  /** `i/n`: only the i-th of n shards of the plan files. */
  shard?: string;
}

export async function runBuild(paths: string[], flags: BuildFlags): Promise<number> {
  const options = resolveBuildOptions(flags);
  if (flags.shard !== undefined) parseShard(flags.shard);
  if (flags.watch) return watchBuilds(paths, options, flags, watchReporter(flags));
  const progress = createProgress(!flags.check);
  const base = reporter(flags);
  // The progress line is cleared before anything else is printed after it.
  const { code } = await buildPlans(paths, options, flags, {
    ...base,
    progress: progress.update,
    written: progress.done,
    checked: (stale, total) => (progress.finish(), base.checked!(stale, total)),
    speech: (speech) => (progress.finish(), base.speech!(speech)),
  });
  progress.finish();
  return code;
}

/** Plan problems that stopped the build on stdout, the rest on stderr; standard output; speech facts. */
function reporter(flags: BuildFlags): BuildReporter {
  return {
    shard: (index, count, found, selected) => process.stderr.write(`分片 ${index}/${count}：共 ${found} 个计划文件，本片 ${selected} 个\n`),
    diagnostics(list, fatal, fileCount) {
      const stream = fatal ? process.stdout : process.stderr;
      stream.write(formatStylish(list, { color: useColor(stream, flags.color), fileCount }));
    },
    stdout: (data) => process.stdout.write(data),
    checked(stale, total) {
      if (stale.length) {
        process.stdout.write(`${stale.map((s) => `过期 ${s.path}：${s.why}`).join('\n')}\n✖ ${stale.length} 个文稿与计划现在生成的结果不同：请运行 workplan build 并提交\n`);
      } else {
        process.stdout.write(`✔ ${total} 个文稿都与计划一致\n`);
      }
    },
    speech: (speech) => process.stderr.write(`${describeSpeech(speech)}\n`),
  };
}

function watchReporter(flags: BuildFlags): WatchReporter {
  return {
    ...reporter(flags),
    failed: (message, internal) => process.stderr.write(internal ? `workplan：内部错误：${message}\n` : `workplan：${message}\n`),
    rebuilt: (outcome, ms) => process.stderr.write(`[${new Date().toLocaleTimeString('zh-CN', { hour12: false })}] ${outcome}（用时 ${ms} 毫秒）\n`),
    watching: () => process.stderr.write('正在监视计划、workplan.config.yaml 和模板的改动，按 Ctrl-C 结束\n'),
  };
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
      live = false;
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
