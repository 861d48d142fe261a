/**
 * diff, as an engine: two plan files (or, with none given, each pair of the two latest years in
 * plans/) → the year-over-year comparison, and the 对照表 (.md, .docx, .xlsx). Writes nothing.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { diffDocumentView } from '../compare/diff-document.js';
import { type MeasureChange, type PlanDiff, changesBySection, diffPlans } from '../compare/plan-diff.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { unitRegistry } from '../plan/config.js';
import { isSpeechFile, type Plan } from '../plan/model.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, renderTemplate, TemplateError, templatesIn } from '../render/render-template.js';
import { checkPlans } from './check-plans.js';
import { type OutputFormat, parseFormats } from './output-formats.js';
import { finalWords } from '../text/script.js';
import { chooseScript, parseScript } from './plan-script.js';
import type { Publication } from './publish-documents.js';
import { UsageError } from '../usage-error.js';

const DIFF_FORMATS: readonly OutputFormat[] = ['md', 'docx', 'xlsx', 'pdf'];

export interface DiffRequest {
  to?: string;
  unit?: string;
  /** hans or hant: the 对照表's script, whatever the plans'. */
  script?: string;
}

export interface DiffEntry {
  oldFile: string;
  newFile: string;
  diff: PlanDiff;
  sections: { section: string; changes: MeasureChange[] }[];
}

export interface DiffResult {
  entries: DiffEntry[];
  /** Problems of the plans themselves (errors stop the comparison). */
  diagnostics: Diagnostic[];
  /** The 对照表 of each pair, for the publishing stage (none without --to). */
  publications: Publication[];
}

export function parseDiffFormats(to: string | undefined): OutputFormat[] {
  return parseFormats(to, DIFF_FORMATS, 'diff');
}

export async function diffPlanFiles(pairs: readonly [string, string][], request: DiffRequest): Promise<DiffResult> {
  const formats = parseDiffFormats(request.to);
  const wanted = request.script === undefined ? undefined : parseScript(request.script);
  const files = [...new Set(pairs.flat())];
  const checked = await checkPlans(files);
  const byFile = new Map(checked.plans.map((p) => [p.file, p]));
  const entries: DiffEntry[] = [];
  const publications: Publication[] = [];
  if (checked.diagnostics.some((d) => d.severity === 'error')) return { entries, diagnostics: checked.diagnostics, publications };
  for (const [oldFile, newFile] of pairs) {
    const old = byFile.get(oldFile)!;
    const now = byFile.get(newFile)!;
    const [oldPlan, newPlan] = [old, now].map((p) => {
      const plan = p.loaded!.plan;
      if (isSpeechFile(plan)) throw new UsageError(`${p.shown} 是独立的汇报发言（kind: speech），没有举措可以对照`);
      return plan;
    }) as [Plan, Plan];
    // The 对照表 speaks the new plan's script; the change details in the terminal and JSON as well, so they read the same.
    const script = await chooseScript(newPlan, wanted);
    const diff = diffPlans(oldPlan, newPlan, { units: unitRegistry(now.config.config), unit: request.unit, words: script.words });
    entries.push({ oldFile: old.shown, newFile: now.shown, diff, sections: changesBySection(diff) });
    if (formats.length === 0) continue;
    const templates = templatesIn(await loadTemplateSet([path.join(now.root, 'templates'), BUILTIN_TEMPLATES]).catch((error: unknown) => { throw error instanceof TemplateError ? new UsageError(error.message) : error; }), script.words);
    const view = diffDocumentView(diff, script.words);
    publications.push({
      name: `${path.basename(newFile).replace(/\.ya?ml$/i, '')}${finalWords(script, `-对照${diff.old.year}年`)}`,
      blocks: parseMarkdown(renderTemplate(templates, 'diff.md.hbs', view)),
      meta: { title: view.title, creator: 'workplan', date: newPlan.date, pageNumbers: 'outside' },
      script,
      formats,
    });
  }
  return { entries, diagnostics: checked.diagnostics, publications };
}
