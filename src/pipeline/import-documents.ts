/**
 * `workplan import`: documents → plan files. Each source is read (readSource: format sniffed,
 * web noise removed), recognized into a format-v2 plan, written as YAML with the import's guesses
 * as comments, and — with `fix` — put through the same safe fixes as `check --fix`. Where each
 * plan goes is settled, and refused when it would overwrite a file without `force`, before
 * anything is written; the files are then written as one set.
 */
import path from 'node:path';
import { type ImportKind, recognizePlan } from '../import/recognize-plan.js';
import type { ImportGuess } from '../import/import-guess.js';
import { writePlanYaml } from '../import/write-plan-yaml.js';
import { STDIN_PATH } from '../plan/load-plan.js';
import { checkPlans } from './check-plans.js';
import { fixPlans } from './fix-plans.js';
import { readSource } from './read-source.js';
import { localToday } from '../text/dates.js';
import { detectScript, loadConverters, mayBeTraditional } from '../text/script.js';
import { UsageError } from '../usage-error.js';
import { WRITING_RULES } from '../rule-catalog.js';
import type { Output } from '../system/write-outputs.js';
import { pathExists } from '../system/fs-errors.js';

export interface ImportRequest {
  /** `-o`: a .yaml file (one source), a folder, or `-` for standard output. */
  output?: string;
  force?: boolean;
  fix?: boolean;
  /** Today (default: local time): the year a 分工表's default title names when a document has no date. */
  today?: string;
  /** Standard input, for `-`. */
  stdin?: AsyncIterable<Uint8Array>;
  /** How to read standard input when it is text: `md` or `txt` (default txt). */
  stdinFormat?: 'txt' | 'md';
  /** `--kind`: what the documents are (default auto). */
  kind?: ImportKind;
  /** Called before each source is read, for a progress line. */
  onProgress?(index: number, total: number, source: string): void;
}

export const IMPORT_KINDS: readonly ImportKind[] = ['auto', 'opinion', 'speech'];

export interface ImportedPlan {
  source: string;
  /** Where the plan goes: a path, or `-` for standard output. */
  target: string;
  text: string;
  guesses: number;
  /** Web-noise lines taken out of the source. */
  removed: string[];
  /** Source text the plan could not place: kept verbatim in `# 导入：` comments, listed on stderr. */
  unplaced: string[];
  /**
   * Writing problems the source itself carried (XX, masked words…), by rule: named in the plan's
   * `# workplan-imported` line, so `check` reports them and `build` does not stop on them.
   */
  carried: { ruleId: string; count: number }[];
  /** What the reader met but could not read (footnotes), for stderr. */
  skipped: string[];
}


function targetOf(source: string, output: string | undefined, many: boolean): string {
  if (output === '-') return '-';
  const base = source === STDIN_PATH ? 'imported' : path.basename(source).replace(/\.[^.]+$/, '');
  if (output === undefined) return source === STDIN_PATH ? '-' : path.join(path.dirname(source), `${base}.yaml`);
  if (/\.ya?ml$/i.test(output)) {
    if (many) throw new UsageError(`-o ${output} 是一个文件，但这次要导入多个文稿：请改为给出一个文件夹`);
    return output;
  }
  return path.join(output, `${base}.yaml`);
}

/** Reads, recognizes and writes out each source; refuses, before any write, what cannot be done. */
export async function importDocuments(sources: readonly string[], request: ImportRequest = {}): Promise<{ plans: ImportedPlan[]; outputs: Output[] }> {
  if (sources.length === 0) throw new UsageError('请给出要导入的文稿（.docx、.txt、.md，或分工表 .xlsx、.csv），或用“-”从标准输入读入');
  if (request.output === '-' && sources.length > 1) throw new UsageError('-o - 只能把一个导入的计划写到标准输出');
  if (sources.filter((s) => s === STDIN_PATH).length > 1) throw new UsageError('标准输入（-）只能读一次');
  const today = request.today ?? localToday();
  const plans: ImportedPlan[] = [];
  const taken = new Set<string>();
  for (const [index, source] of sources.entries()) {
    request.onProgress?.(index, sources.length, source);
    const target = targetOf(source, request.output, sources.length > 1);
    if (target !== '-') {
      const resolved = path.resolve(target);
      if (taken.has(resolved)) throw new UsageError(`两个文稿都会导入到“${target}”：请分别用 -o 给出文件名`);
      taken.add(resolved);
      if (source !== STDIN_PATH && resolved === path.resolve(source)) throw new UsageError(`导入结果会覆盖原文“${source}”：请用 -o 另给文件名`);
      if (!request.force && (await pathExists(target))) throw new UsageError(`“${target}”已存在，未覆盖：确认要替换请加 --force，或用 -o 另给文件名`);
    }
    const doc = await readSource(source, {
      ...(request.stdin ? { stdin: request.stdin } : {}),
      ...(source === STDIN_PATH ? { textFormat: request.stdinFormat ?? 'txt' } : {}),
    });
    const recognized = recognizePlan(doc, { today, ...(request.kind ? { kind: request.kind } : {}) });
    const plan = await withScript(recognized.plan, doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.flat().map((c) => c.text).join(''))).join('\n'));
    // What the reader could not read goes at the top of the plan, as well as on stderr.
    const skipped = doc.skipped ?? [];
    const guesses: ImportGuess[] = [...recognized.guesses, ...skipped.map((message) => ({ path: [], message }))];
    const shownSource = source === STDIN_PATH ? '标准输入' : path.basename(source);
    let { text, guesses: count } = writePlanYaml(plan, guesses, shownSource);
    if (request.fix) text = await applySafeFixes(text, plan);
    // Read on the plan as recognized (before --fix), so a fixed rule may still be named: harmless.
    const carried = await findCarriedProblems(writePlanYaml(withStandIns(plan, today), [], shownSource).text);
    if (carried.length) text = markImported(text, carried.map((c) => c.ruleId));
    const unplaced = guesses.flatMap((g) => (g.verbatim === undefined ? [] : [g.verbatim]));
    plans.push({ source, target, text, guesses: count, removed: doc.removed, unplaced, carried, skipped });
  }
  const outputs = plans.filter((p) => p.target !== '-').map((p) => ({ path: p.target, data: p.text }));
  return { plans, outputs };
}

/**
 * A document in 繁体 imports as `script: hant`, its text untouched: said in the plan so the build
 * does not have to guess, and so the tool's own words come out in 繁体 too.
 */
async function withScript(plan: Record<string, unknown>, text: string): Promise<Record<string, unknown>> {
  if (!mayBeTraditional(text)) return plan;
  const { toSimplified, toTraditional } = await loadConverters();
  if (detectScript(text, toSimplified, toTraditional) !== 'hant') return plan;
  const { kind, ...rest } = plan;
  return kind === undefined ? { script: 'hant', ...rest } : { kind, script: 'hant', ...rest };
}

/**
 * The plan with stand-ins for the keys import left for the author (title, 成文日期, 部分): only
 * so the writing rules can read the rest, which a plan that does not load never reaches.
 */
function withStandIns(plan: Record<string, unknown>, today: string): Record<string, unknown> {
  const STAND_IN = '导入';
  if (plan['kind'] === 'speech') {
    const speech = { ...(plan['speech'] as Record<string, unknown>) };
    if (!speech['title']) speech['title'] = STAND_IN;
    const part = (p: Record<string, unknown>): Record<string, unknown> => ({
      ...p,
      title: p['title'] || STAND_IN,
      ...(p['text'] === undefined && p['points'] === undefined && p['sections'] === undefined ? { text: STAND_IN } : {}),
      ...(Array.isArray(p['sections']) ? { sections: (p['sections'] as Record<string, unknown>[]).map(part) } : {}),
    });
    return { ...plan, speech, sections: (plan['sections'] as Record<string, unknown>[]).map(part) };
  }
  return {
    ...plan,
    title: plan['title'] || STAND_IN,
    date: plan['date'] ?? today,
    ...(plan['sections'] === undefined && plan['measures'] === undefined ? { sections: [{ title: STAND_IN }] } : {}),
  };
}

/** The writing rules whose errors the imported text has: problems the source itself carried. */
async function findCarriedProblems(text: string): Promise<{ ruleId: string; count: number }[]> {
  const stream = (async function* () {
    yield new TextEncoder().encode(text);
  })();
  const { diagnostics } = await checkPlans([STDIN_PATH], stream);
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.severity === 'error' && Object.hasOwn(WRITING_RULES, d.ruleId)) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
  }
  return [...counts].map(([ruleId, count]) => ({ ruleId, count }));
}

/** The `# workplan-imported` line (rules/suppressions.ts) under the schema modeline. */
function markImported(text: string, ruleIds: readonly string[]): string {
  const line = `# workplan-imported ${ruleIds.join(', ')}\n# 导入：以上规则的问题是原文带来的：check 照样报告，build 不因此停下；改完后可删去这一行\n`;
  const end = text.indexOf('\n') + 1;
  return end > 0 && text.startsWith('# yaml-language-server:') ? text.slice(0, end) + line + text.slice(end) : line + text;
}

/** `--fix`: the imported text through check's safe fixes, before it is ever written. */
async function applySafeFixes(text: string, plan: Record<string, unknown>): Promise<string> {
  // A plan left incomplete for its author (no title, 成文日期 or 部分) does not load, and the fixes
  // need a loaded plan: stand-ins go in for the fixing only and come out again, or nothing is fixed.
  const EMPTY_TITLE = /^title: ""$/m;
  const STAND_IN_TITLE = 'title: 导入时留空的标题';
  const opinion = plan['kind'] !== 'speech';
  const titled = !opinion || !EMPTY_TITLE.test(text);
  const suffix = opinion ? `${plan['date'] === undefined ? 'date: 2000-01-01\n' : ''}${plan['sections'] === undefined && plan['measures'] === undefined ? 'sections:\n  - title: 导入时留空的部分\n' : ''}` : '';
  const probe = (titled ? text : text.replace(EMPTY_TITLE, STAND_IN_TITLE)) + suffix;
  const bytes = new TextEncoder().encode(probe);
  const stream = (async function* () {
    yield bytes;
  })();
  const checked = await checkPlans([STDIN_PATH], stream);
  const [fixed] = fixPlans(checked).fixes;
  if (!fixed) return text;
  if (!fixed.after.endsWith(suffix) || (!titled && !fixed.after.includes(`\n${STAND_IN_TITLE}\n`))) return text;
  const after = fixed.after.slice(0, fixed.after.length - suffix.length);
  return titled ? after : after.replace(`\n${STAND_IN_TITLE}\n`, '\ntitle: ""\n');
}
