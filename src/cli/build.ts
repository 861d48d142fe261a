/** `workplan build`: plans → documents (.docx, .md), written atomically. */
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { emitDocx } from '../emit/docx/emit-docx.js';
import { emitMarkdown } from '../emit/markdown.js';
import { writeFileAtomic } from '../emit/write-file.js';
import { MarkdownSubsetError } from '../markdown/parse-markdown.js';
import { type LoadedPlan, loadPlanFile } from '../plan/load-plan.js';
import { findRepositoryRoot } from '../plan/find-root.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, TemplateError, type TemplateSet } from '../render/render-template.js';
import { DOCUMENTS, type DocumentId, documentDate, renderDocument } from '../pipeline/build-document.js';
import { formatStylish } from '../report/stylish.js';
import { countDiagnostics } from '../report/summary.js';
import { describeFsError, findPlanFiles } from './files.js';
import { useColor } from './output.js';
import { UsageError } from './usage-error.js';

export const OUTPUT_FORMATS = ['docx', 'md'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface BuildOptions {
  doc: string;
  to: string;
  output?: string;
  owners?: boolean;
  color?: boolean;
}

interface Job {
  loaded: LoadedPlan;
  file: string;
}

export async function runBuild(paths: string[], options: BuildOptions): Promise<number> {
  const doc = options.doc as DocumentId;
  if (!(doc in DOCUMENTS)) throw new UsageError(`未知的文稿“${options.doc}”，可用：${Object.keys(DOCUMENTS).join('、')}`);
  const formats = parseFormats(options.to);
  const files = await findPlanFiles(paths);
  if (files.length === 0) throw new UsageError(`在 ${paths.join('、')} 中没有找到 .yaml 计划文件`);

  // Load everything first: an invalid plan stops the build before any file is written.
  const jobs: Job[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    const result = await loadPlanFile(shown, file).catch((error: unknown) => {
      throw new UsageError(`无法读取“${shown}”：${describeFsError(error)}`);
    });
    diagnostics.push(...result.diagnostics);
    if (result.loaded) jobs.push({ loaded: result.loaded, file });
  }
  if (countDiagnostics(diagnostics).errors > 0) {
    process.stdout.write(formatStylish(diagnostics, { color: useColor(process.stdout, options.color), fileCount: files.length }));
    return 1;
  }

  const targets = planTargets(jobs, doc, formats, options.output);
  const inputs = new Set(files.map((f) => path.resolve(f)));
  for (const t of targets) {
    if (t.path !== '-' && inputs.has(path.resolve(t.path))) throw new UsageError(`输出文件“${t.path}”就是输入的计划文件，拒绝覆盖`);
  }

  const templateCache = new Map<string, TemplateSet>();
  for (const target of targets) {
    const root = await findRepositoryRoot(target.job.file);
    let templates = templateCache.get(root);
    if (!templates) {
      templates = await loadTemplateSet([path.join(root, 'templates'), BUILTIN_TEMPLATES]);
      templateCache.set(root, templates);
    }
    let rendered;
    try {
      rendered = renderDocument(target.job.loaded.plan, doc, templates, { owners: options.owners ?? false });
    } catch (error) {
      if (error instanceof TemplateError || error instanceof MarkdownSubsetError) throw new UsageError(error.message);
      throw error;
    }
    const plan = target.job.loaded.plan;
    const data =
      target.format === 'docx'
        ? await emitDocx(rendered.blocks, { title: plan.title, creator: plan.issuer ?? 'workplan', date: documentDate(plan), pageNumbers: 'outside' })
        : emitMarkdown(rendered.blocks);
    if (target.path === '-') {
      process.stdout.write(data);
      continue;
    }
    try {
      await writeFileAtomic(target.path, data);
    } catch (error) {
      throw new UsageError(`无法写入“${target.path}”：${describeFsError(error)}`);
    }
    process.stderr.write(`已生成 ${target.path}\n`);
  }
  return 0;
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
function planTargets(jobs: Job[], doc: DocumentId, formats: OutputFormat[], output: string | undefined): Target[] {
  const count = jobs.length * formats.length;
  const out = output ?? 'out';
  if (out === '-') {
    if (count !== 1 || formats[0] !== 'md') throw new UsageError('-o - 只能把一个 Markdown 文稿写到标准输出');
    return [{ job: jobs[0]!, format: 'md', path: '-' }];
  }
  const isFile = /\.(docx|md)$/i.test(out);
  if (isFile) {
    if (count !== 1) throw new UsageError(`-o ${out} 是一个文件，但这次要生成 ${count} 个文件：请改为给出一个文件夹`);
    const ext = path.extname(out).slice(1).toLowerCase();
    if (ext !== formats[0]) throw new UsageError(`-o ${out} 的扩展名与 --to ${formats[0]} 不符`);
    return [{ job: jobs[0]!, format: formats[0]!, path: out }];
  }
  return jobs.flatMap((job) =>
    formats.map((format) => ({
      job,
      format,
      path: path.join(out, `${path.basename(job.file).replace(/\.ya?ml$/i, '')}${DOCUMENTS[doc].suffix}.${format}`),
    })),
  );
}
