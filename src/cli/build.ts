/** `workplan build`: flags → checkPlans → buildDocuments → files (atomically), stdout, or --check. */
import { type BuildRequest, resolveBuildOptions } from '../pipeline/build-options.js';
import { type SpeechReport, buildDocuments } from '../pipeline/build-documents.js';
import { checkPlans } from '../pipeline/check-plans.js';
import { findPlanFiles } from '../pipeline/plan-files.js';
import { UsageError } from '../pipeline/usage-error.js';
import { staleOutputs, writeOutputs } from '../pipeline/write-outputs.js';
import { formatStylish } from '../report/stylish.js';
import { countDiagnostics } from '../report/summary.js';
import { useColor } from './output.js';

export interface BuildFlags extends BuildRequest {
  color?: boolean;
  /** Compare with the files on disk instead of writing them. */
  check?: boolean;
}

export async function runBuild(paths: string[], flags: BuildFlags): Promise<number> {
  const options = resolveBuildOptions(flags);
  const files = await findPlanFiles(paths);
  if (files.length === 0) throw new UsageError(`在 ${paths.join('、')} 中没有找到 .yaml 计划文件`);
  const color = useColor(process.stdout, flags.color);

  // load → check everything first: an invalid plan stops the build before any file is written.
  const { plans, diagnostics } = await checkPlans(files);
  if (countDiagnostics(diagnostics).errors > 0) {
    process.stdout.write(formatStylish(diagnostics, { color, fileCount: files.length }));
    return 1;
  }
  if (diagnostics.length > 0) process.stderr.write(formatStylish(diagnostics, { color: useColor(process.stderr, flags.color), fileCount: files.length }));

  const progress = createProgress(!flags.check);
  const built = await buildDocuments(plans, options, { onProgress: progress.update });
  if (built.diagnostics.length > 0) {
    process.stdout.write(formatStylish(built.diagnostics, { color, fileCount: files.length }));
    return 1;
  }
  if (built.warnings.length > 0) process.stderr.write(formatStylish(built.warnings, { color: useColor(process.stderr, flags.color), fileCount: files.length }));
  if (flags.check) {
    progress.finish();
    if (built.documents.some((d) => d.path === '-')) throw new UsageError('--check 需要与磁盘上的文件比较，不能与 -o - 同用');
    const stale = await staleOutputs(built.documents);
    if (stale.length) {
      process.stdout.write(`${stale.map((s) => `过期 ${s.path}：${s.why}`).join('\n')}\n✖ ${stale.length} 个文稿与计划现在生成的结果不同：请运行 workplan build 并提交\n`);
      return 1;
    }
    process.stdout.write(`✔ ${built.documents.length} 个文稿都与计划一致\n`);
    return 0;
  }
  const [first] = built.documents;
  if (first?.path === '-') process.stdout.write(first.data);
  else await writeOutputs(built.documents, (output) => progress.done(output.path));
  progress.finish();
  for (const speech of built.speeches) process.stderr.write(`${describeSpeech(speech)}\n`);
  return 0;
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
      live = Boolean(process.stderr.isTTY) && total > 1;
      if (live) process.stderr.write(`\r\x1b[K正在生成 ${index + 1}/${total}：${file}`);
    },
    done(file: string) {
      written++;
      if (!live) process.stderr.write(`已生成 ${file}\n`);
    },
    finish() {
      if (!live) return;
      process.stderr.write('\r\x1b[K');
      if (writing) process.stderr.write(`已生成 ${written} 个文件\n`);
    },
  };
}

/** 汇报发言 facts a speaker needs: characters and reading time against the slot. */
function describeSpeech({ shown, facts, limit }: SpeechReport): string {
  const slot = limit === undefined ? '' : facts.minutes > limit ? `，超过限时 ${limit} 分钟` : `，限时 ${limit} 分钟`;
  return `${shown}：汇报发言共 ${facts.characters} 字（只计汉字），按每分钟 ${facts.pace} 字约需 ${facts.minutes} 分钟${slot}`;
}
