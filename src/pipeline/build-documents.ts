/**
 * build, as an engine: checked plans → rendered documents → the bytes of every output and where
 * each goes. Holds the template cache, rendering, and the mapping from plan problems to
 * Diagnostics. Writes nothing: the caller writes, compares or prints the outputs.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, makeDiagnostic } from '../diagnostic.js';
import { emitCsv } from '../emit/csv.js';
import { emitDocx } from '../emit/docx/emit-docx.js';
import { emitMarkdown } from '../emit/markdown.js';
import { emitXlsx } from '../emit/xlsx.js';
import { MarkdownSubsetError } from '../markdown/parse-markdown.js';
import { unitRegistry } from '../plan/config.js';
import { STDIN_PATH } from '../plan/load-plan.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, TemplateError, type TemplateSet } from '../render/render-template.js';
import type { PlanFile } from '../plan/model.js';
import type { RenderOptions } from '../render/view-model.js';
import { DEFAULT_READING_PACE, type ReadingFacts, readingFacts } from '../text/reading.js';
import { type BuildOptions, OUTPUT_FORMATS, type OutputFormat, TEXT_FORMATS } from './build-options.js';
import type { CheckedPlan } from './check-plans.js';
import { convertToPdf, requireSoffice } from './convert-pdf.js';
import { requireFonts } from './inspect-fonts.js';
import { explainFsError } from './fs-errors.js';
import { DOCUMENTS, type DocumentId, mainDocument } from './documents.js';
import { DocumentProblem, type RenderedDocument, documentDate, documentText, renderDocument } from './render-document.js';
import { scriptOptions } from './plan-script.js';
import { settleMemory } from './settle-memory.js';
import { UsageError } from './usage-error.js';
import type { Output } from './write-outputs.js';

/** Where build's callers (and the fixture tests) have always found it. */
export { scriptOptions } from './plan-script.js';

/** A speech's length against its slot, which build reports to the speaker. */
export interface SpeechReport {
  shown: string;
  facts: ReadingFacts;
  /** The slot in minutes (`speech.minutes`), when the plan gives one. */
  limit?: number;
}

export interface BuildResult {
  /** Every output, in order; `path` is `-` for standard output. Empty when there are diagnostics. */
  documents: Output[];
  /** Plans that could not give the document asked for. */
  diagnostics: Diagnostic[];
  /** What the documents leave out of their plans (warnings): printed, the build goes on. */
  warnings: Diagnostic[];
  speeches: SpeechReport[];
}

export interface BuildHooks {
  /** Called before each output is made, for a progress line. */
  onProgress?(index: number, total: number, path: string): void;
  /** Template sets by plan repository, kept across calls by a caller that builds repeatedly. */
  templateCache?: Map<string, TemplateSet>;
}

type LoadedCheckedPlan = CheckedPlan & { loaded: NonNullable<CheckedPlan['loaded']> };

interface Job {
  plan: LoadedCheckedPlan;
  doc: DocumentId;
  rendered: RenderedDocument;
}

/**
 * render → parse → emit for checked plans that have no errors. A plan that cannot give the
 * document is a Diagnostic; a template or output path the user got wrong is a UsageError.
 */
export async function buildDocuments(plans: readonly CheckedPlan[], options: BuildOptions, hooks: BuildHooks = {}): Promise<BuildResult> {
  // Before any work: without LibreOffice a PDF cannot be made, and the user should hear it at once.
  const soffice = options.formats.includes('pdf') ? requireSoffice() : undefined;
  if (options.requireFonts) await requireFonts();
  const templateCache = hooks.templateCache ?? new Map<string, TemplateSet>();
  const inputChars = plans.reduce((sum, p) => sum + (p.loaded?.source.length ?? 0), 0);
  settleMemory(inputChars);
  const jobs: Job[] = [];
  const diagnostics: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const plan of plans) {
    if (!plan.loaded) continue;
    const checked = plan as LoadedCheckedPlan;
    const doc = options.doc ?? mainDocument(checked.loaded.plan);
    try {
      const rendered = renderDocument(checked.loaded.plan, doc, await templatesFor(checked.root, templateCache), {
        ...(await scriptOptions(checked.loaded.plan, options.script)),
        owners: options.owners,
        units: unitRegistry(checked.config.config),
        unit: options.unit,
        taskText: options.taskText,
        taskNumbers: options.taskNumbers,
        letterhead: options.letterhead,
        attachmentFiles: await readAttachments(checked),
        figures: checked.loaded.figures,
      });
      jobs.push({ plan: checked, doc, rendered });
      for (const notice of rendered.notices ?? []) {
        warnings.push(makeDiagnostic(notice.ruleId, notice.message, { file: checked.shown, span: checked.loaded.locate(notice.path), path: notice.path }, 'warning'));
      }
    } catch (error) {
      if (error instanceof DocumentProblem) {
        diagnostics.push(makeDiagnostic(error.ruleId, error.message, { file: checked.shown, span: checked.loaded.locate(error.path), path: error.path }));
      } else if (error instanceof TemplateError || error instanceof MarkdownSubsetError) {
        throw new UsageError(error.message);
      } else {
        throw error;
      }
    }
  }
  if (diagnostics.length > 0) return { documents: [], diagnostics, warnings, speeches: [] };

  const targets = planTargets(jobs, options);
  const inputs = new Set(plans.map((p) => path.resolve(p.file)));
  for (const t of targets) {
    if (t.path !== '-' && inputs.has(path.resolve(t.path))) throw new UsageError(`输出文件“${t.path}”就是输入的计划文件，拒绝覆盖`);
  }
  settleMemory(inputChars);
  const documents: Output[] = [];
  const docxOf = new Map<Job, Uint8Array>();
  for (const [i, target] of targets.entries()) {
    hooks.onProgress?.(i, targets.length, target.path);
    // A PDF is the job's .docx converted: made once (or reused), converted below in one batch.
    if (target.format === 'pdf') {
      if (!docxOf.has(target.job)) docxOf.set(target.job, (await emitTarget({ ...target, format: 'docx' })) as Uint8Array);
      documents.push({ path: target.path, data: new Uint8Array() });
      continue;
    }
    const data = await emitTarget(target);
    if (target.format === 'docx') docxOf.set(target.job, data as Uint8Array);
    documents.push({ path: target.path, data });
  }
  const pdfTargets = targets.flatMap((target, i) => (target.format === 'pdf' ? [{ target, i }] : []));
  if (pdfTargets.length > 0) {
    const pdfs = await convertToPdf(
      pdfTargets.map(({ target }) => ({ shown: target.path, docx: docxOf.get(target.job)! })),
      soffice,
    );
    for (const [k, { i }] of pdfTargets.entries()) documents[i]!.data = pdfs[k]!;
  }
  const speeches = jobs.filter((job) => job.doc === 'speech').map(describeSpeech);
  return { documents, diagnostics, warnings, speeches };
}

async function templatesFor(root: string, cache: Map<string, TemplateSet>): Promise<TemplateSet> {
  let templates = cache.get(root);
  if (!templates) {
    templates = await loadTemplateSet([path.join(root, 'templates'), BUILTIN_TEMPLATES]);
    cache.set(root, templates);
  }
  return templates;
}

interface Target {
  job: Job;
  format: OutputFormat;
  path: string;
}

/** The bytes (or text) of one output. */
async function emitTarget({ job, format }: Target): Promise<Uint8Array | string> {
  const { blocks, meta } = job.rendered;
  switch (format) {
    case 'docx':
      return emitDocx(blocks, { title: meta.title, creator: meta.creator, date: documentDate(meta.date), pageNumbers: DOCUMENTS[job.doc].pageNumbers });
    case 'xlsx':
      return emitXlsx(blocks, { title: meta.title, date: documentDate(meta.date) });
    case 'csv':
      return emitCsv(blocks);
    case 'md':
      return emitMarkdown(blocks);
    case 'pdf':
      throw new Error('PDF 由 .docx 转换而来，不单独生成');
  }
}

/** Contents of a plan's file attachments (Markdown), read relative to the plan file. */
async function readAttachments(plan: LoadedCheckedPlan): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const attachments = 'attachments' in plan.loaded.plan ? (plan.loaded.plan.attachments ?? []) : [];
  for (const a of attachments) {
    if (a === 'tasks' || !a.file) continue;
    const where = path.join(path.dirname(plan.file), a.file);
    try {
      files.set(a.file, await readFile(where, 'utf8'));
    } catch (error) {
      throw new UsageError(`无法读取附件“${a.file}”（${plan.shown}）：${explainFsError(error, 'read')}`);
    }
  }
  return files;
}

/** 汇报发言 facts a speaker needs: characters and reading time against the slot. */
function describeSpeech(job: Job): SpeechReport {
  const pace = job.plan.config.config.speech?.pace ?? DEFAULT_READING_PACE;
  const limit = job.plan.loaded.plan.speech?.minutes;
  // What is read aloud: from the salutation to the closing; the title and the speaker and date under it are not.
  const spoken = job.rendered.blocks.filter((b) => b.type !== 'title' && b.type !== 'byline');
  return { shown: job.plan.shown, facts: readingFacts(documentText(spoken), pace), ...(limit !== undefined ? { limit } : {}) };
}

/** Where each output goes: `-o` names a file (one output only), `-` (stdout, Markdown only) or a folder. */
function planTargets(jobs: Job[], options: BuildOptions): Target[] {
  const { formats } = options;
  const count = jobs.length * formats.length;
  const out = options.output ?? 'out';
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
  const names = outputNames(jobs.map((job) => job.plan.file));
  return jobs.flatMap((job) => {
    // The file's own document keeps the plan's name; another document gets a suffix.
    const unit = job.doc === 'tasks' && options.unit ? `-${options.unit}` : '';
    const suffix = (job.doc === mainDocument(job.plan.loaded.plan) ? '' : DOCUMENTS[job.doc].suffix) + unit;
    const base = names.get(job.plan.file)!;
    return formats.map((format) => ({ job, format, path: path.join(out, `${base}${suffix}.${format}`) }));
  });
}

/**
 * Output names of plan files, without the extension: the file name alone, unless two plans in
 * different folders share it (区甲/要点.yaml, 区乙/要点.yaml). Then every name keeps its folders
 * below the plans' common folder, so that no document silently overwrites another.
 */
export function outputNames(files: string[]): Map<string, string> {
  const bare = (file: string) => path.basename(file).replace(/\.ya?ml$/i, '');
  const unique = [...new Set(files)];
  const seen = new Set<string>();
  const clash = unique.some((file) => seen.size === seen.add(bare(file).toLowerCase()).size);
  if (!clash) return new Map(unique.map((file) => [file, bare(file)]));
  const dirs = unique.map((file) => path.dirname(path.resolve(file)).split(path.sep));
  let common = dirs[0]!.length;
  for (const dir of dirs) {
    let i = 0;
    while (i < common && i < dir.length && dir[i] === dirs[0]![i]) i += 1;
    common = i;
  }
  return new Map(
    unique.map((file, k) => [file, path.join(...dirs[k]!.slice(common), bare(file))]),
  );
}
