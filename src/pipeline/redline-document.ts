/**
 * `build --redline OLD`: the old version of a plan (a file or a git revision) rendered exactly as
 * the new one is, and the new document's Blocks with the differences as tracked changes
 * (compare/redline-blocks.ts). Who made them: `redline.author` in workplan.config.yaml, else git's
 * user.name, else workplan; when: now, or SOURCE_DATE_EPOCH for reproducible builds.
 */
import { redlineBlocks } from '../compare/redline-blocks.js';
import type { Config } from '../plan/config.js';
import { type LoadedPlan, parsePlan } from '../plan/load-plan.js';
import { gitUserName, OldVersionError, readOldVersion } from '../system/read-old-version.js';
import { UsageError } from '../usage-error.js';
import { attachFigures } from './load-figures.js';
import type { RenderedDocument } from './render-document.js';

export interface RedlinedDocument {
  rendered: RenderedDocument;
  /** The frame's changes that carry no 修订 mark (kept as the new version has them). */
  unmarked: string[];
  /** How the old version is named in messages. */
  oldShown: string;
  revision: { author: string; date: string };
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
): Promise<RedlinedDocument> {
  let old;
  try {
    old = await readOldVersion(spec, planFile);
  } catch (error) {
    if (error instanceof OldVersionError) throw new UsageError(error.message);
    throw error;
  }
  const result = parsePlan(old.shown, old.bytes);
  const problem = result.diagnostics.find((d) => d.severity === 'error');
  if (!result.loaded || problem) {
    const where = problem ? `${problem.file}:${problem.line}:${problem.column}：${problem.message}（${problem.ruleId}）` : '不是计划文件';
    throw new UsageError(`旧版本 ${old.shown} 无法读取为计划，不能生成修订稿：${where}`);
  }
  // A speech's figures come from the plan it names, beside the plan being built.
  await attachFigures(result.loaded, planFile, new Map());
  const before = await render(result.loaded);
  const { blocks, unmarked } = redlineBlocks(before.blocks, rendered.blocks);
  const author = config.redline?.author ?? (await gitUserName(planFile)) ?? DEFAULT_AUTHOR;
  return { rendered: { ...rendered, blocks }, unmarked, oldShown: old.shown, revision: { author, date: revisionDate() } };
}
