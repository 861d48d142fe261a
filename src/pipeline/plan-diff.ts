/**
 * diff, as an engine: two plan files (or, with none given, each pair of the two latest years in
 * plans/) → the year-over-year comparison, and the 对照表 (.md, .docx, .xlsx). Writes nothing.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { diffDocumentView } from '../compare/diff-document.js';
import { type MeasureChange, type PlanDiff, changesBySection, diffPlans } from '../compare/plan-diff.js';
import { emitDocx } from '../emit/docx/emit-docx.js';
import { emitMarkdown } from '../emit/markdown.js';
import { emitXlsx } from '../emit/xlsx.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { unitRegistry } from '../plan/config.js';
import { isSpeechFile, type Plan } from '../plan/model.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, renderTemplate } from '../render/render-template.js';
import { checkPlans } from './check-plans.js';
import { describeFsError } from './fs-errors.js';
import { documentDate } from './render-document.js';
import { UsageError } from './usage-error.js';
import type { Output } from './write-outputs.js';

export const DIFF_FORMATS = ['md', 'docx', 'xlsx'] as const;
type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffRequest {
  to?: string;
  output?: string;
  unit?: string;
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
  documents: Output[];
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

export function parseDiffFormats(to: string | undefined): DiffFormat[] {
  const formats = to ? to.split(',').map((f) => f.trim()).filter(Boolean) : [];
  for (const f of formats) if (!(DIFF_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--to 不支持“${f}”，可用：${DIFF_FORMATS.join('、')}`);
  return formats as DiffFormat[];
}

export async function diffPlanFiles(pairs: readonly [string, string][], request: DiffRequest): Promise<DiffResult> {
  const formats = parseDiffFormats(request.to);
  const files = [...new Set(pairs.flat())];
  const checked = await checkPlans(files);
  const byFile = new Map(checked.plans.map((p) => [p.file, p]));
  const entries: DiffEntry[] = [];
  const documents: Output[] = [];
  if (checked.diagnostics.some((d) => d.severity === 'error')) return { entries, diagnostics: checked.diagnostics, documents };
  for (const [oldFile, newFile] of pairs) {
    const old = byFile.get(oldFile)!;
    const now = byFile.get(newFile)!;
    const [oldPlan, newPlan] = [old, now].map((p) => {
      const plan = p.loaded!.plan;
      if (isSpeechFile(plan)) throw new UsageError(`${p.shown} 是独立的汇报发言（kind: speech），没有举措可以对照`);
      return plan;
    }) as [Plan, Plan];
    const diff = diffPlans(oldPlan, newPlan, { units: unitRegistry(now.config.config), unit: request.unit });
    entries.push({ oldFile: old.shown, newFile: now.shown, diff, sections: changesBySection(diff) });
    if (formats.length === 0) continue;
    const templates = await loadTemplateSet([path.join(now.root, 'templates'), BUILTIN_TEMPLATES]);
    const view = diffDocumentView(diff);
    const blocks = parseMarkdown(renderTemplate(templates, 'diff.md.hbs', view));
    const base = path.join(request.output ?? 'out', `${path.basename(newFile).replace(/\.ya?ml$/i, '')}-对照${diff.old.year}年`);
    const date = documentDate(newPlan.date);
    for (const format of formats) {
      if (format === 'md') documents.push({ path: `${base}.md`, data: emitMarkdown(blocks) });
      if (format === 'docx') documents.push({ path: `${base}.docx`, data: await emitDocx(blocks, { title: view.title, creator: 'workplan', date, pageNumbers: 'outside' }) });
      if (format === 'xlsx') documents.push({ path: `${base}.xlsx`, data: await emitXlsx(blocks, { title: view.title, date }) });
    }
  }
  return { entries, diagnostics: checked.diagnostics, documents };
}
