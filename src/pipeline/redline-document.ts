/**
 * `build --redline OLD`: the old version of a plan (a file or a git revision) rendered exactly as
 * the new one is, and the new document's Blocks with the differences as tracked changes
 * (compare/redline-blocks.ts). Who made them: `redline.author` in workplan.config.yaml, else git's
 * user.name, else workplan; when: now, or SOURCE_DATE_EPOCH for reproducible builds.
 */
import path from 'node:path';
import { redlineBlocks } from '../compare/redline-blocks.js';
import type { Config } from '../plan/config.js';
import { type LoadedPlan, STDIN_PATH, parsePlan } from '../plan/load-plan.js';
import { type PlanFile, isSpeechFile } from '../plan/model.js';
import { gitUserName, isOldVersionFile, NotInRevisionError, OldVersionError, readOldVersion } from '../system/read-old-version.js';
import { UsageError } from '../usage-error.js';
import { attachFigures } from './load-figures.js';
import { DocumentProblem, type RenderedDocument } from './render-document.js';

export interface RedlinedDocument {
  rendered: RenderedDocument;
  /** The frame's changes that carry no 修订 mark (kept as the new version has them). */
  unmarked: string[];
  /** How the old version is named in messages. */
  oldShown: string;
  revision: { author: string; date: string };
  /** What the 修订稿 could not do as asked, for warnings (build-documents gives them their place). */
  notices: { ruleId: 'redline-figures' | 'redline-same'; message: string }[];
}

/** The author's name when neither the config nor git gives one. */
const DEFAULT_AUTHOR = 'workplan';

/** The moment of the changes, as w:date wants it (ISO 8601, whole seconds, UTC). */
export function revisionDate(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const when = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return when.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The new document with its differences from the old version of `planFile`. `render` renders a
 * plan as the new one was rendered (same document, options, templates and script).
 */
export async function redlineDocument(
  planFile: string,
  spec: string,
  rendered: RenderedDocument,
  render: (plan: LoadedPlan) => Promise<RenderedDocument>,
  config: Config,
  current: PlanFile,
): Promise<RedlinedDocument | { notInRevision: string }> {
  if (spec === STDIN_PATH) throw new UsageError('--redline 的旧版本不能从标准输入（-）读：请给出一个计划文件，或 git 的版本（如 HEAD~1）');
  // A revision alone names this plan's own path in it, and a plan read from standard input has none.
  if (planFile === STDIN_PATH && !spec.includes(':') && !(await isOldVersionFile(spec))) {
    throw new UsageError(`计划来自标准输入（-），没有路径可在 git 的版本“${spec}”里查找：请写成“${spec}:路径”（如 ${spec}:plans/2026-工作安排意见.yaml），或给出旧版本的计划文件`);
  }
  let old;
  try {
    old = await readOldVersion(spec, planFile);
  } catch (error) {
    // A plan added since the revision has no old version: the others of the batch still get theirs.
    if (error instanceof NotInRevisionError) return { notInRevision: error.message };
    if (error instanceof OldVersionError) throw new UsageError(error.message);
    throw error;
  }
  const result = parsePlan(old.shown, old.bytes);
  const problem = result.diagnostics.find((d) => d.severity === 'error');
  if (!result.loaded || problem) {
    const where = problem ? `${problem.file}:${problem.line}:${problem.column}：${problem.message}（${problem.ruleId}）` : '不是计划文件';
    throw new UsageError(`旧版本 ${old.shown} 无法读取为计划，不能生成修订稿：${where}`);
  }
  // A speech file is no old version of a plan, nor a plan of a speech file: said of the old file (exit 2), not as a fault of the new plan.
  const kindOf = (file: PlanFile) => (isSpeechFile(file) ? '汇报发言文件（kind: speech）' : '计划文件');
  if (isSpeechFile(result.loaded.plan) !== isSpeechFile(current)) {
    throw new UsageError(`旧版本 ${old.shown} 是${kindOf(result.loaded.plan)}，要生成修订稿的却是${kindOf(current)}：--redline 应给出同一份文件的早先版本`);
  }
  const notices: RedlinedDocument['notices'] = [];
  const figures = await attachOldFigures(result.loaded, spec, old.shown, planFile);
  if (figures) notices.push({ ruleId: 'redline-figures', message: figures });
  let before;
  try {
    before = await render(result.loaded);
  } catch (error) {
    // The old version cannot give this document: its problem, not the new plan's.
    if (error instanceof DocumentProblem) throw new UsageError(`旧版本 ${old.shown} 无法生成这份文稿，不能生成修订稿：${error.message}`);
    throw error;
  }
  const { blocks, unmarked } = redlineBlocks(before.blocks, rendered.blocks);
  if (JSON.stringify(before.blocks) === JSON.stringify(rendered.blocks)) {
    notices.push({ ruleId: 'redline-same', message: `与 ${old.shown} 相比没有改动：修订稿里没有修订，与文稿相同` });
  }
  const author = config.redline?.author ?? (await gitUserName(planFile)) ?? DEFAULT_AUTHOR;
  return { rendered: { ...rendered, blocks }, unmarked, oldShown: old.shown, revision: { author, date: revisionDate() }, notices };
}

/**
 * An old speech's figures, from the plan it names as that plan was then: at the same git revision,
 * or beside the old file. Where that plan cannot be read so, today's figures stand in (the old
 * version then shows them), and the reason is returned for a warning.
 */
async function attachOldFigures(loaded: LoadedPlan, spec: string, oldShown: string, planFile: string): Promise<string | undefined> {
  const speech = loaded.plan;
  if (!isSpeechFile(speech) || speech.figures === undefined) return undefined;
  const written = speech.figures;
  const fallback = async (why: string) => {
    await attachFigures(loaded, planFile, new Map());
    return `旧版本 ${oldShown} 所引数字的计划“${written}”${why}，旧版本按它现在的数字生成：修订稿里的数字改动可能不全`;
  };
  if (await isOldVersionFile(spec)) {
    // Beside the old file, as `figures` is written; a copy made without it falls back to today's plan.
    const problems = await attachFigures(loaded, spec, new Map());
    return problems.length ? fallback(`在旧版本旁边读不出（${problems[0]!.message}）`) : undefined;
  }
  // The same revision: `REV` alone is read beside each file; `REV:path` names the speech's path in the repository.
  const colon = spec.indexOf(':');
  const figuresSpec =
    colon < 0
      ? spec
      : `${spec.slice(0, colon)}:${/^\.\.?\//.test(spec.slice(colon + 1)) ? './' : ''}${path.posix.join(path.posix.dirname(spec.slice(colon + 1)), written.replaceAll('\\', '/'))}`;
  let bytes;
  try {
    bytes = (await readOldVersion(figuresSpec, path.resolve(path.dirname(path.resolve(planFile)), written))).bytes;
  } catch (error) {
    if (error instanceof OldVersionError) return fallback(`读不出同一版本（${error.message}）`);
    throw error;
  }
  const figures = parsePlan(written, bytes);
  if (!figures.loaded || figures.diagnostics.some((d) => d.severity === 'error') || isSpeechFile(figures.loaded.plan)) {
    return fallback('的同一版本有错误，不能取用其中的数字');
  }
  loaded.figuresFile = path.resolve(path.dirname(path.resolve(planFile)), written);
  loaded.figures = figures.loaded.plan;
  return undefined;
}
