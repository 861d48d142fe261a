/** Turning the paths a user typed into the plan files to read. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { findConfigRoot } from '../plan/find-root.js';
import { STDIN_PATH } from '../plan/load-plan.js';
import { describeFsError } from './fs-errors.js';
import { UsageError } from './usage-error.js';

/** `-`: the plan comes from standard input. */
export { STDIN_PATH };

const PLAN_FILE = /\.ya?ml$/i;
/** Repository settings live beside plans but are not plans. */
const NOT_PLANS = new Set(['workplan.config.yaml', 'workplan.config.yml']);

/** Expands files and directories (recursively) into plan files, sorted, without duplicates. */
export async function findPlanFiles(inputs: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const input of inputs) {
    // `-` is standard input, read once by the loader.
    if (input === STDIN_PATH) {
      // Typed at a terminal rather than piped: say why nothing happens yet.
      if (process.stdin.isTTY) process.stderr.write('正在从标准输入读取计划，输入完毕按 Ctrl-D\n');
      found.add(input);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      throw new UsageError(describeFsError(error, 'read', input));
    }
    if (info.isDirectory()) {
      for (const file of await walk(input)) found.add(file);
    } else {
      found.add(input);
    }
  }
  return [...found].sort();
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(describeFsError(error, 'read', dir));
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile() && PLAN_FILE.test(entry.name) && !NOT_PLANS.has(entry.name)) out.push(full);
  }
  return out;
}

/** `--shard i/n`: the i-th of n parts (1-based), for a CI matrix that splits a repository. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard 应写作“第几片/共几片”，如 2/3（从 1 数起，不超过片数），这里是“${value}”`);
  }
  return { index, count };
}

/**
 * The files of one shard. A file's shard comes from a hash of its path relative to its plan
 * repository (the folder with workplan.config.yaml, else the working folder), with `/` and NFC
 * whatever the system: every job of a matrix, on any runner and from any working folder, puts a
 * file in the same shard, and the shards together hold each file exactly once. Adding a plan moves
 * no other plan to another shard.
 */
export async function selectShard(files: readonly string[], shard: Shard): Promise<string[]> {
  if (files.includes(STDIN_PATH)) throw new UsageError('--shard 用于划分仓库中的计划文件，不能与标准输入（-）同用');
  const selected: string[] = [];
  for (const file of files) {
    const root = (await findConfigRoot(file)) ?? process.cwd();
    const key = path.relative(root, path.resolve(file)).split(path.sep).join('/').normalize('NFC');
    if (shardOf(key, shard.count) === shard.index) selected.push(file);
  }
  return selected;
}

/** 1-based shard of a repository-relative path: the first 32 bits of its SHA-256, modulo n. */
export function shardOf(key: string, count: number): number {
  // Loaded here, not imported: node:crypto sets up OpenSSL, a few ms of every check without --shard.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return (createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) % count) + 1;
}
