/**
 * diff, as an engine: two plan files (or, with none given, each pair of the two latest years in
 * plans/) → the year-over-year comparison, and the 对照表 (.md, .docx, .xlsx). Writes nothing.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { diffDocumentView } from '../compare/diff-document.js';
import { type MeasureChange, type PlanDiff, changesBySection, diffPlans } from '../compare/plan-diff.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { unitRegistry } from '../plan/config.js';
import { isSpeechFile, type Plan } from '../plan/model.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, renderTemplate, templatesIn } from '../render/render-template.js';
import { checkPlans } from './check-plans.js';
import { describeFsError } from './fs-errors.js';
import { type OutputFormat, parseFormats } from './output-formats.js';
import { finalWords } from '../text/script.js';
import { chooseScript, parseScript } from './plan-script.js';
import type { Publication } from './publish-documents.js';
import { UsageError } from './usage-error.js';

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

const YEAR_FILE = /^(\d{4})-(.+)\.ya?ml$/i;

/**
 * With no files given: in `folder`, the files named YEAR-NAME.yaml of the latest year, each paired
 * with the file of the same NAME in the latest earlier year that has one.
 */
export async function findYearPairs(folder = 'plans'): Promise<[string, string][]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    throw new UsageError(describeFsError(error, 'read', folder));
  }
  const byName = new Map<string, Map<number, string>>();
  let latest = -Infinity;
  for (const name of names.sort()) {
    const m = YEAR_FILE.exec(name);
    if (!m) continue;
    const year = Number(m[1]);
    latest = Math.max(latest, year);
    const years = byName.get(m[2]!) ?? new Map<number, string>();
    years.set(year, path.join(folder, name));
    byName.set(m[2]!, years);
  }
  const pairs: [string, string][] = [];
  for (const years of byName.values()) {
    const now = years.get(latest);
    if (!now) continue;
    const before = Math.max(...[...years.keys()].filter((y) => y < latest));
    if (Number.isFinite(before)) pairs.push([years.get(before)!, now]);
  }
  if (pairs.length === 0) {
    throw new UsageError(
      `在 ${folder} 中没有可以对照的计划：需要同名的两个年度文件，例如 ${folder}/2025-工作安排意见.yaml 和 ${folder}/2026-工作安排意见.yaml（也可直接给出两个文件）`,
    );
  }
  return pairs;
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
    const templates = templatesIn(await loadTemplateSet([path.join(now.root, 'templates'), BUILTIN_TEMPLATES]), script.words);
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
