/** Turning the paths a user typed into the plan files to read. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { findConfigRoot } from '../plan/find-root.js';
import { STDIN_PATH } from '../plan/load-plan.js';
import type { PlanFile } from '../plan/model.js';
import { describeFsError, explainFsError } from '../system/fs-errors.js';
import { UsageError } from '../usage-error.js';

/** Whether the files include standard input (`-`). */
export function readsStandardInput(files: readonly string[]): boolean {
  return files.includes(STDIN_PATH);
}

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

/** Contents of a plan's file attachments (Markdown), read relative to the plan file. */
export async function readAttachments(file: string, shown: string, plan: PlanFile): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const attachments = 'attachments' in plan ? (plan.attachments ?? []) : [];
  for (const a of attachments) {
    if (a === 'tasks' || !a.file) continue;
    const where = path.join(path.dirname(file), a.file);
    try {
      files.set(a.file, await readFile(where, 'utf8'));
    } catch (error) {
      throw new UsageError(`无法读取附件“${a.file}”（${shown}）：${explainFsError(error, 'read')}`);
    }
  }
  return files;
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
