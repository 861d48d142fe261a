/** Turning the paths a user typed into the plan files to read. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
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
