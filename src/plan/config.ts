/** workplan.config.yaml: settings of a plan repository, loaded like a plan and reported the same way. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Diagnostic } from '../diagnostic.js';
import { CONFIG_FILE } from './find-root.js';
import { parseYamlFile } from './load-plan.js';

const unitEntry = z
  .strictObject({
    name: z.string().regex(/\S/, { message: '不能为空' }).describe('单位的规范名称'),
    aliases: z.array(z.string().regex(/\S/, { message: '不能为空' })).describe('简称、旧称等别名，输出时改用规范名称').optional(),
  })
  .describe('一个单位');

export const ConfigModel = z
  .strictObject({
    tool: z
      .string()
      .regex(/\S/, { message: '不能为空' })
      .describe('流水线安装 workplan 所用的 npm 包说明：版本（workplan@0.1.0）、tarball 路径或 git 地址；workplan init 写入并据此生成流水线')
      .optional(),
    units: z.array(unitEntry).describe('单位名录：check 据此报告未知单位（unit-unknown），输出时把别名换成规范名称').optional(),
    speech: z
      .strictObject({
        pace: z.number().positive().max(1000).describe('朗读速度（字/分钟），缺省 220'),
      })
      .describe('汇报发言的设置')
      .optional(),
    status: z
      .strictObject({
        dueSoon: z.number().int().min(0).max(366).describe('完成时限前多少天内算“临期”，缺省 30'),
      })
      .describe('workplan status（督办）的设置')
      .optional(),
    redline: z
      .strictObject({
        author: z.string().regex(/\S/, { message: '不能为空' }).describe('修订的作者，Word 的“修订”窗格里显示的名字；缺省取 git 的 user.name'),
      })
      .describe('build --redline（修订稿）的设置')
      .optional(),
    rules: z
      .record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.enum(['off', 'warning', 'error']))
      .describe('规则的级别：off 关闭、warning 警告、error 错误')
      .optional(),
  })
  .describe('workplan 仓库配置');

export type Config = z.infer<typeof ConfigModel>;

export interface LoadedConfig {
  config: Config;
  diagnostics: Diagnostic[];
  /** Where the file is, when there is one. */
  file?: string;
}

/** Reads `<root>/workplan.config.yaml`; a repository without one has the empty configuration. */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const absolute = path.join(root, CONFIG_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    // Only a missing file means “no configuration”: a config that exists but cannot be read
    // (permissions, a folder of that name) would silently drop the office's rules and units.
    // ENOTDIR: a file stands where a folder above it should be, so the config cannot exist either.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { config: {}, diagnostics: [] };
    throw error;
  }
  const shown = path.relative(process.cwd(), absolute) || CONFIG_FILE;
  const { parsed, diagnostics } = parseYamlFile(shown, bytes, () => ConfigModel);
  return { config: (parsed?.value as Config | undefined) ?? {}, diagnostics, file: shown };
}

/** Canonical unit names by every name a plan may use (canonical names map to themselves). */
export function unitRegistry(config: Config): Map<string, string> | undefined {
  if (!config.units?.length) return undefined;
  const map = new Map<string, string>();
  for (const u of config.units) {
    map.set(u.name, u.name);
    for (const a of u.aliases ?? []) map.set(a, u.name);
  }
  return map;
}
