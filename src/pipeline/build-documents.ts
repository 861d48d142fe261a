/**
 * build, as an engine: checked plans → rendered documents → the bytes of every output and where
 * each goes. Holds the template cache, rendering, and the mapping from plan problems to
 * Diagnostics. Writes nothing: the caller writes, compares or prints the outputs.
 */
import path from 'node:path';
import { type Diagnostic, makeDiagnostic } from '../diagnostic.js';
import { MarkdownSubsetError } from '../markdown/parse-markdown.js';
import { unitRegistry } from '../plan/config.js';
import { type LoadedPlan, STDIN_PATH } from '../plan/load-plan.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, TemplateError, type TemplateSet } from '../render/render-template.js';
import type { PlanFile } from '../plan/model.js';
import type { RenderOptions } from '../render/view-model.js';
import { type ScriptChoice, finalWords } from '../text/script.js';
import { DEFAULT_READING_PACE, type ReadingFacts, readingFacts } from '../text/reading.js';
import type { BuildOptions } from './build-options.js';
import type { CheckedPlan } from './check-plans.js';
import { requireFonts } from '../system/inspect-fonts.js';
import { DOCUMENTS, type DocumentId, mainDocument } from './documents.js';
import { readAttachments } from './plan-files.js';
import { chooseScript } from './plan-script.js';
import { type Publication, outputNames, requirePublishable } from './publish-documents.js';
import { redlineDocument } from './redline-document.js';
import { DocumentProblem, type RenderedDocument, documentText, renderDocument } from './render-document.js';
import { isOldVersionFile } from '../system/read-old-version.js';
import { settleMemory } from '../system/settle-memory.js';
import { UsageError } from '../usage-error.js';

/** A speech's length against its slot, which build reports to the speaker. */
export interface SpeechReport {
  shown: string;
  facts: ReadingFacts;
  /** The slot in minutes (`speech.minutes`), when the plan gives one. */
  limit?: number;
}

export interface BuildResult {
  /** Every document, in order, for the publishing stage. Empty when there are diagnostics. */
  publications: Publication[];
  /** Plans that could not give the document asked for. */
  diagnostics: Diagnostic[];
  /** What the documents leave out of their plans (warnings): printed, the build goes on. */
  warnings: Diagnostic[];
  speeches: SpeechReport[];
}

export interface BuildHooks {
  /** Template sets by plan repository, kept across calls by a caller that builds repeatedly. */
  templateCache?: Map<string, TemplateSet>;
}

type LoadedCheckedPlan = CheckedPlan & { loaded: NonNullable<CheckedPlan['loaded']> };

interface Job {
  plan: LoadedCheckedPlan;
  doc: DocumentId;
  rendered: RenderedDocument;
  /** The new version's own Blocks (a 修订稿's `rendered` holds the deleted text too): what a speech's length is counted on. */
  clean: RenderedDocument['blocks'];
  script: ScriptChoice;
  /** A 修订稿's author and date. */
  revision?: { author: string; date: string };
}

/**
 * render → parse → emit for checked plans that have no errors. A plan that cannot give the
 * document is a Diagnostic; a template or output path the user got wrong is a UsageError.
 */
export async function buildDocuments(plans: readonly CheckedPlan[], options: BuildOptions, hooks: BuildHooks = {}): Promise<BuildResult> {
  // Before any work: without LibreOffice a PDF cannot be made, and the user should hear it at once.
  requirePublishable(options.formats);
  if (options.requireFonts) await requireFonts();
  const templateCache = hooks.templateCache ?? new Map<string, TemplateSet>();
  const inputChars = plans.reduce((sum, p) => sum + (p.loaded?.source.length ?? 0), 0);
  settleMemory(inputChars);
  if (options.redline !== undefined && plans.length > 1 && (await isOldVersionFile(options.redline))) {
    throw new UsageError(`--redline ${options.redline} 是一个计划文件，只能是一个计划的旧版本，这里有 ${plans.length} 个计划：请只给一个计划，或用 git 的版本（如 HEAD~1）`);
  }
  const jobs: Job[] = [];
  const diagnostics: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const plan of plans) {
    if (!plan.loaded) continue;
    const checked = plan as LoadedCheckedPlan;
    const doc = options.doc ?? mainDocument(checked.loaded.plan);
    try {
      const script = await chooseScript(checked.loaded.plan, options.script);
      const templates = await templatesFor(checked.root, templateCache);
      const render = async (loaded: LoadedPlan) =>
        renderDocument(loaded.plan, doc, templates, {
          script,
          owners: options.owners,
          units: unitRegistry(checked.config.config),
          unit: options.unit,
          taskText: options.taskText,
          taskNumbers: options.taskNumbers,
          letterhead: options.letterhead,
          attachmentFiles: await readAttachments(checked.file, checked.shown, loaded.plan),
          figures: loaded.figures,
        });
      let rendered = await render(checked.loaded);
      const clean = rendered.blocks;
      for (const notice of rendered.notices ?? []) {
        warnings.push(makeDiagnostic(notice.ruleId, notice.message, { file: checked.shown, span: checked.loaded.locate(notice.path), path: notice.path }, 'warning'));
      }
      let revision: Job['revision'];
      if (options.redline !== undefined) {
        // The old version is rendered by the same call, so only the plans' differences show.
        const redlined = await redlineDocument(checked.file, options.redline, rendered, render, checked.config.config, checked.loaded.plan);
        if ('notInRevision' in redlined) {
          const message = `${redlined.notInRevision}：只生成文稿，没有修订稿`;
          warnings.push(makeDiagnostic('redline-new', message, { file: checked.shown, span: checked.loaded.locate([]), path: [] }, 'warning'));
          jobs.push({ plan: checked, doc, rendered, clean, script });
          continue;
        }
        rendered = redlined.rendered;
        revision = redlined.revision;
        for (const notice of redlined.notices) {
          warnings.push(makeDiagnostic(notice.ruleId, notice.message, { file: checked.shown, span: checked.loaded.locate([]), path: [] }, 'warning'));
        }
        if (redlined.unmarked.length) {
          const message = `与 ${redlined.oldShown} 相比，${redlined.unmarked.join('、')}有改动，修订稿照新版本印出，没有标成修订`;
          warnings.push(makeDiagnostic('redline-unmarked', message, { file: checked.shown, span: checked.loaded.locate([]), path: [] }, 'warning'));
        }
      }
      jobs.push({ plan: checked, doc, rendered, clean, script, ...(revision ? { revision } : {}) });
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
  if (diagnostics.length > 0) return { publications: [], diagnostics, warnings, speeches: [] };

  settleMemory(inputChars);
  const speeches = jobs.filter((job) => job.doc === 'speech').map(describeSpeech);
  return { publications: publications(jobs, options), diagnostics, warnings, speeches };
}

async function templatesFor(root: string, cache: Map<string, TemplateSet>): Promise<TemplateSet> {
  let templates = cache.get(root);
  if (!templates) {
    templates = await loadTemplateSet([path.join(root, 'templates'), BUILTIN_TEMPLATES]);
    cache.set(root, templates);
  }
  return templates;
}

/** 汇报发言 facts a speaker needs: characters and reading time against the slot. */
function describeSpeech(job: Job): SpeechReport {
  const pace = job.plan.config.config.speech?.pace ?? DEFAULT_READING_PACE;
  const limit = job.plan.loaded.plan.speech?.minutes;
  // What is read aloud: from the salutation to the closing; the title and the speaker and date under it are not.
  // Counted on the new version: a 修订稿's deleted words are not read aloud.
  const spoken = job.clean.filter((b) => b.type !== 'title' && b.type !== 'byline');
  return { shown: job.plan.shown, facts: readingFacts(documentText(spoken), pace), ...(limit !== undefined ? { limit } : {}) };
}

/** A 修订稿 is a file of its own beside the clean document: `2026-工作安排意见-修订.docx`. */
const REDLINE_SUFFIX = '-修订';

/**
 * Each job as a publication: named after its plan file, the file's own document without a suffix.
 * A redline job gives two, the clean document and then its 修订稿: the clean one goes out with the
 * 修订稿 in a round of review, and is what the next round's redline is made against.
 */
function publications(jobs: readonly Job[], options: BuildOptions): Publication[] {
  const names = outputNames(jobs.filter((job) => job.plan.file !== STDIN_PATH).map((job) => job.plan.file));
  return jobs.flatMap((job) => {
    const unit = job.doc === 'tasks' && options.unit ? `-${options.unit}` : '';
    // The suffix is the tool's words: a 繁体 plan's 分工表 is -重點任務分工表.
    const suffix = (job.doc === mainDocument(job.plan.loaded.plan) ? '' : finalWords(job.script, DOCUMENTS[job.doc].suffix)) + unit;
    const base = names.get(job.plan.file);
    const { blocks, meta } = job.rendered;
    const name = base === undefined ? undefined : `${base}${suffix}`;
    const common = { script: job.script, formats: options.formats };
    const clean: Publication = { name, blocks: job.clean, meta: { ...meta, pageNumbers: DOCUMENTS[job.doc].pageNumbers }, ...common };
    if (!job.revision) return [clean];
    const redline = finalWords(job.script, REDLINE_SUFFIX);
    return [
      clean,
      {
        name: name === undefined ? undefined : `${name}${redline}`,
        blocks,
        meta: { ...meta, pageNumbers: DOCUMENTS[job.doc].pageNumbers, revision: job.revision },
        besideSuffix: redline,
        ...common,
      },
    ];
  });
}
