/** `init`: the files of a new plan repository, refused where one exists unless forced. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../plan/config.js';
import { CONFIG_FILE } from '../plan/find-root.js';
import { BUILTIN_TEMPLATES } from '../render/render-template.js';
import { defaultPlanYear, scaffoldFiles } from '../scaffold/scaffold-files.js';
import { describeFsError, pathExists } from '../system/fs-errors.js';
import { findToolSpec } from './tool-spec.js';
import { UsageError } from '../usage-error.js';
import type { Output } from '../system/write-outputs.js';

export interface InitRequest {
  /** The folder as the user typed it; the current folder when absent. */
  dir?: string | undefined;
  year?: string | undefined;
  force?: boolean | undefined;
  /** `--tool`: the npm spec the pipelines install workplan from. */
  tool?: string | undefined;
  /** `--shards`: how many parallel jobs the pipelines split the plans into. */
  shards?: string | undefined;
  version: string;
  now?: Date;
}

export interface ScaffoldResult {
  outputs: Output[];
  /** The spec written into the pipelines, and where it came from. */
  tool: string;
  toolSource: 'option' | 'config' | 'installed' | 'guessed';
}


/** The outputs to write, named as the user will look for them (`my-plans/plans/2026.yaml`). */
export async function scaffoldRepository(request: InitRequest): Promise<ScaffoldResult> {
  const root = path.resolve(request.dir ?? '.');
  const year = request.year === undefined ? defaultPlanYear(request.now ?? new Date()) : Number(request.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`--year 应为四位年份，这里是“${request.year}”`);
  const shards = parseShardCount(request.shards);
  const { tool, toolSource } = await chooseTool(root, request);
  const files = scaffoldFiles({
    year,
    tool,
    shards,
    templatesGuide: await readFile(path.join(BUILTIN_TEMPLATES, 'README.md'), 'utf8'),
  });
  const existing: string[] = [];
  for (const [name] of files) if (await pathExists(path.join(root, name))) existing.push(name);
  if (existing.length && !request.force) {
    throw new UsageError(`这些文件已经存在，未做任何改动：${existing.join('、')}（确需覆盖请加 --force）`);
  }
  const outputs = files.map(([name, content]) => ({ path: path.join(root, name), data: content, shown: path.join(request.dir ?? '.', name) }));
  return { outputs, tool, toolSource };
}

/**
 * --tool wins; then the `tool` an existing workplan.config.yaml records (init --force keeps the
 * choice); then the copy of workplan that is running, as npm recorded its origin.
 */
async function chooseTool(root: string, request: InitRequest): Promise<Pick<ScaffoldResult, 'tool' | 'toolSource'>> {
  if (request.tool !== undefined) {
    const tool = request.tool.trim();
    if (!tool || /[\r\n]/.test(tool)) throw new UsageError(`--tool 应为一个 npm 包说明（如 workplan@0.1.0、tarball 路径或 git 地址），这里是“${request.tool}”`);
    return { tool, toolSource: 'option' };
  }
  const recorded = (
    await loadConfig(root).catch((error: unknown) => {
      throw new UsageError(describeFsError(error, 'read', path.join(root, CONFIG_FILE)));
    })
  ).config.tool;
  if (recorded) return { tool: recorded, toolSource: 'config' };
  const installed = await findToolSpec(request.version);
  return { tool: installed.spec, toolSource: installed.recorded ? 'installed' : 'guessed' };
}

function parseShardCount(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--shards 应为 1 到 256 之间的整数，这里是“${value}”`);
  return n;
}
