/** Shared test helpers: paths, the built CLI, golden files. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'workplan.js');
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real built binary, as a user's shell would. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Compares against a golden file, or rewrites it when UPDATE_GOLDEN=1. */
export function expectGolden(file: string, actual: string | Buffer): string | Buffer {
  if (UPDATE_GOLDEN) {
    writeFileSync(file, actual);
    return actual;
  }
  if (!existsSync(file)) throw new Error(`缺少金标文件 ${file}：检查输出后用 UPDATE_GOLDEN=1 生成`);
  return typeof actual === 'string' ? readFileSync(file, 'utf8') : readFileSync(file);
}
