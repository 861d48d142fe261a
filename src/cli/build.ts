/** `workplan build`: plans → documents (.docx, .md), written atomically. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { emitDocx } from '../emit/docx/emit-docx.js';
import { emitCsv } from '../emit/csv.js';
import { emitXlsx } from '../emit/xlsx.js';
import { emitMarkdown } from '../emit/markdown.js';
import { writeFileAtomic } from '../emit/write-file.js';
import { MarkdownSubsetError } from '../markdown/parse-markdown.js';
import type { CheckedPlan } from '../pipeline/check-plans.js';
import { unitRegistry } from '../plan/config.js';
import { STDIN_PATH } from '../plan/load-plan.js';
import {
  DOCUMENTS,
  type DocumentId,
  DocumentProblem,
  type RenderedDocument,
  documentDate,
  documentText,
  mainDocument,
  renderDocument,
} from '../pipeline/build-document.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, TemplateError, type TemplateSet } from '../render/render-template.js';
import { formatStylish } from '../report/stylish.js';
import { countDiagnostics } from '../report/summary.js';
import { DEFAULT_READING_PACE, readingFacts } from '../text/reading.js';
import { checkPlansOrExplain } from './check.js';
import { describeFsError, findPlanFiles } from './files.js';
import { useColor } from './output.js';
import { UsageError } from './usage-error.js';

export const OUTPUT_FORMATS = ['docx', 'md', 'csv', 'xlsx'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** Formats that hold only the table: the task list. */
const TABLE_FORMATS: readonly OutputFormat[] = ['csv', 'xlsx'];
/** Text formats, the ones that may go to standard output. */
const TEXT_FORMATS: readonly OutputFormat[] = ['md', 'csv'];

export interface BuildOptions {
  doc?: string;
  to: string;
  output?: string;
  owners?: boolean;
  color?: boolean;
  /** Compare with the files on disk instead of writing them. */
  check?: boolean;
  /** Task table: only this unit's tasks. */
  unit?: string;
  /** Task table: the measure's text in the 工作任务 cell. */
  taskText?: boolean;
  /** 发文机关标志: red, preprinted paper, or none. */
  letterhead?: string;
}

interface Job {
  plan: CheckedPlan & { loaded: NonNullable<CheckedPlan['loaded']> };
  doc: DocumentId;
  rendered?: RenderedDocument;
}

export async function runBuild(paths: string[], options: BuildOptions): Promise<number> {
  if (options.doc !== undefined && !(options.doc in DOCUMENTS)) {
    throw new UsageError(`未知的文稿“${options.doc}”，可用：${Object.keys(DOCUMENTS).join('、')}`);
  }
  const formats = parseFormats(options.to);
  const tableOnly = formats.filter((f) => TABLE_FORMATS.includes(f));
  if (tableOnly.length && options.doc !== 'tasks') throw new UsageError(`--to ${tableOnly.join(',')} 只用于重点任务分工表：请加 --doc tasks`);
  if (options.unit !== undefined && options.doc !== 'tasks') throw new UsageError('--unit 只用于重点任务分工表：请加 --doc tasks');
  const files = await findPlanFiles(paths);
  if (files.length === 0) throw new UsageError(`在 ${paths.join('、')} 中没有找到 .yaml 计划文件`);
  const color = useColor(process.stdout, options.color);

  // load → check everything first: an invalid plan stops the build before any file is written.
  const { plans, diagnostics } = await checkPlansOrExplain(files);
  if (countDiagnostics(diagnostics).errors > 0) {
    process.stdout.write(formatStylish(diagnostics, { color, fileCount: files.length }));
    return 1;
  }
  if (diagnostics.length > 0) process.stderr.write(formatStylish(diagnostics, { color: useColor(process.stderr, options.color), fileCount: files.length }));

  // render → parse, still before writing: a plan that cannot give the document is a plan problem.
  const jobs: Job[] = plans.flatMap((p) => (p.loaded ? [{ plan: p as Job['plan'], doc: (options.doc as DocumentId) ?? mainDocument(p.loaded.plan) }] : []));
  const templateCache = new Map<string, TemplateSet>();
  const problems: Diagnostic[] = [];
  for (const job of jobs) {
    let templates = templateCache.get(job.plan.root);
    if (!templates) {
      templates = await loadTemplateSet([path.join(job.plan.root, 'templates'), BUILTIN_TEMPLATES]);
      templateCache.set(job.plan.root, templates);
    }
    try {
      job.rendered = renderDocument(job.plan.loaded.plan, job.doc, templates, {
        owners: options.owners ?? false,
        units: unitRegistry(job.plan.config.config),
        unit: options.unit,
        taskText: options.taskText ?? false,
        letterhead: options.letterhead as 'none' | 'red' | 'preprinted' | undefined,
        attachmentFiles: await readAttachments(job.plan),
      });
    } catch (error) {
      if (error instanceof DocumentProblem) {
        problems.push({
          ruleId: error.ruleId,
          severity: 'error',
          message: error.message,
          file: job.plan.shown,
          ...job.plan.loaded.locate(error.path),
          path: error.path.join('.'),
        });
      } else if (error instanceof TemplateError || error instanceof MarkdownSubsetError) {
        throw new UsageError(error.message);
      } else {
        throw error;
      }
    }
  }
  if (problems.length > 0) {
    process.stdout.write(formatStylish(problems, { color, fileCount: files.length }));
    return 1;
  }

  const targets = planTargets(jobs, formats, options.output, options.unit);
  const inputs = new Set(files.map((f) => path.resolve(f)));
  for (const t of targets) {
    if (t.path !== '-' && inputs.has(path.resolve(t.path))) throw new UsageError(`输出文件“${t.path}”就是输入的计划文件，拒绝覆盖`);
  }

  const progress = createProgress(targets.length, !options.check);
  const stale: string[] = [];
  for (const [i, target] of targets.entries()) {
    progress.update(i, target.path);
    const data = await emitTarget(target);
    if (options.check) {
      if (target.path === '-') throw new UsageError('--check 需要与磁盘上的文件比较，不能与 -o - 同用');
      const why = await compareWithDisk(target.path, data);
      if (why) stale.push(`${target.path}：${why}`);
    } else if (target.path === '-') {
      process.stdout.write(data);
    } else {
      try {
        await writeFileAtomic(target.path, data);
      } catch (error) {
        throw new UsageError(`无法写入“${target.path}”：${describeFsError(error)}`);
      }
      progress.done(target.path);
    }
  }
  progress.finish();
  if (options.check) {
    if (stale.length) {
      process.stdout.write(`${stale.map((s) => `过期 ${s}`).join('\n')}\n✖ ${stale.length} 个文稿与计划现在生成的结果不同：请运行 workplan build 并提交\n`);
      return 1;
    }
    process.stdout.write(`✔ ${targets.length} 个文稿都与计划一致\n`);
    return 0;
  }
  for (const job of jobs) {
    if (job.doc === 'speech') process.stderr.write(`${describeSpeech(job)}\n`);
  }
  return 0;
}

/** The bytes (or text) of one output. */
async function emitTarget({ job, format }: Target): Promise<Uint8Array | string> {
  const { blocks, meta } = job.rendered!;
  switch (format) {
    case 'docx':
      return emitDocx(blocks, { title: meta.title, creator: meta.creator, date: documentDate(meta.date), pageNumbers: DOCUMENTS[job.doc].pageNumbers });
    case 'xlsx':
      return emitXlsx(blocks, { title: meta.title, date: documentDate(meta.date) });
    case 'csv':
      return emitCsv(blocks);
    case 'md':
      return emitMarkdown(blocks);
  }
}

/** Contents of a plan's file attachments (Markdown), read relative to the plan file. */
async function readAttachments(plan: Job['plan']): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const attachments = 'attachments' in plan.loaded.plan ? (plan.loaded.plan.attachments ?? []) : [];
  for (const a of attachments) {
    if (a === 'tasks' || !a.file) continue;
    const where = path.join(path.dirname(plan.file), a.file);
    try {
      files.set(a.file, await readFile(where, 'utf8'));
    } catch (error) {
      throw new UsageError(`无法读取附件“${a.file}”（${plan.shown}）：${describeFsError(error)}`);
    }
  }
  return files;
}

/** Why a file on disk is not what the plan builds now, or undefined when it is. */
async function compareWithDisk(file: string, data: Uint8Array | string): Promise<string | undefined> {
  let current: Buffer;
  try {
    current = await readFile(file);
  } catch {
    return '文件不存在';
  }
  const wanted = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
  return current.equals(wanted) ? undefined : '内容不同';
}

/**
 * Progress for batches: on a terminal one line rewritten in place, then a summary; in logs
 * (CI, pipes) a line for every file written.
 */
function createProgress(total: number, writing: boolean) {
  const tty = Boolean(process.stderr.isTTY) && total > 1;
  let written = 0;
  return {
    update(index: number, file: string) {
      if (tty) process.stderr.write(`\r\x1b[K正在生成 ${index + 1}/${total}：${file}`);
    },
    done(file: string) {
      written++;
      if (!tty) process.stderr.write(`已生成 ${file}\n`);
    },
    finish() {
      if (!tty) return;
      process.stderr.write('\r\x1b[K');
      if (writing) process.stderr.write(`已生成 ${written} 个文件\n`);
    },
  };
}

/** 汇报发言 facts a speaker needs: characters and reading time against the slot. */
function describeSpeech(job: Job): string {
  const pace = job.plan.config.config.speech?.pace ?? DEFAULT_READING_PACE;
  const facts = readingFacts(documentText(job.rendered!.blocks), pace);
  const plan = job.plan.loaded.plan;
  const limit = plan.speech?.minutes;
  const slot = limit === undefined ? '' : facts.minutes > limit ? `，超过限时 ${limit} 分钟` : `，限时 ${limit} 分钟`;
  return `${job.plan.shown}：汇报发言共 ${facts.characters} 字（只计汉字），按每分钟 ${facts.pace} 字约需 ${facts.minutes} 分钟${slot}`;
}

function parseFormats(value: string): OutputFormat[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`未知的输出格式“${f}”，可用：${OUTPUT_FORMATS.join('、')}`);
  }
  if (list.length === 0) throw new UsageError('--to 至少需要一种格式');
  return [...new Set(list)] as OutputFormat[];
}

interface Target {
  job: Job;
  format: OutputFormat;
  path: string;
}

/** Where each output goes: `-o` names a file (one output only), `-` (stdout, Markdown only) or a folder. */
function planTargets(jobs: Job[], formats: OutputFormat[], output: string | undefined, unitName?: string): Target[] {
  const count = jobs.length * formats.length;
  const out = output ?? 'out';
  if (out === '-') {
    if (count !== 1 || !TEXT_FORMATS.includes(formats[0]!)) throw new UsageError('-o - 只能把一个 Markdown 或 CSV 文稿写到标准输出');
    return [{ job: jobs[0]!, format: formats[0]!, path: '-' }];
  }
  const extension = path.extname(out).slice(1).toLowerCase();
  if ((OUTPUT_FORMATS as readonly string[]).includes(extension)) {
    if (count !== 1) throw new UsageError(`-o ${out} 是一个文件，但这次要生成 ${count} 个文件：请改为给出一个文件夹`);
    if (extension !== formats[0]) throw new UsageError(`-o ${out} 的扩展名与 --to ${formats[0]} 不符`);
    return [{ job: jobs[0]!, format: formats[0]!, path: out }];
  }
  if (jobs.some((job) => job.plan.file === STDIN_PATH)) {
    throw new UsageError('计划来自标准输入（-）时，请用 -o 给出输出文件（或用 -o - 写到标准输出）');
  }
  return jobs.flatMap((job) => {
    // The file's own document keeps the plan's name; another document gets a suffix.
    const unit = job.doc === 'tasks' && unitName ? `-${unitName}` : '';
    const suffix = (job.doc === mainDocument(job.plan.loaded.plan) ? '' : DOCUMENTS[job.doc].suffix) + unit;
    const base = path.basename(job.plan.file).replace(/\.ya?ml$/i, '');
    return formats.map((format) => ({ job, format, path: path.join(out, `${base}${suffix}.${format}`) }));
  });
}
