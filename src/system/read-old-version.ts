/**
 * The old version of a plan for `build --redline OLD`: a plan file, or the plan as git has it at a
 * revision (`HEAD~1`, a tag, `v2025:plans/x.yaml`), read with `git show`. Also the name git knows
 * the user by, for the 修订's author.
 */
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError } from './fs-errors.js';
import { findExecutable } from './find-executable.js';

export interface OldVersion {
  /** How messages name it: the file, or `REV:path`. */
  shown: string;
  bytes: Uint8Array;
}

/** A plan never comes near this (the loader refuses files over 16 MB); git's output is cut here. */
const MAX_OUTPUT_BYTES = 17 * 1024 * 1024;

/** Why the old version cannot be read, in Chinese (the caller makes it a UsageError). */
export class OldVersionError extends Error {}

/** The revision is there but the file is not in it: a plan added since (the caller may go on without a 修订稿). */
export class NotInRevisionError extends OldVersionError {}

function runGit(args: readonly string[], cwd: string): Promise<{ ok: true; stdout: Buffer } | { ok: false; stderr: string }> {
  const git = findExecutable(['git']);
  if (!git) return Promise.resolve({ ok: false, stderr: '没有找到 git 程序' });
  return new Promise((resolve) => {
    execFile(git, args, { cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true }, (error, stdout, stderr) => {
      if (error) resolve({ ok: false, stderr: stderr.toString('utf8').trim().split('\n')[0] || error.message });
      else resolve({ ok: true, stdout });
    });
  });
}

/**
 * `spec` as a file when one exists by that name; else a git revision: `REV:path` as given, or
 * `REV` alone for this plan's own path at that revision.
 */
export async function readOldVersion(spec: string, planFile: string): Promise<OldVersion> {
  if (await isOldVersionFile(spec)) {
    try {
      return { shown: path.relative(process.cwd(), spec) || spec, bytes: await readFile(spec) };
    } catch (error) {
      throw new OldVersionError(describeFsError(error, 'read', spec));
    }
  }
  const folder = path.dirname(path.resolve(planFile));
  // `REV:./name` is the path relative to the folder git runs in (git rev-parse's syntax).
  const object = spec.includes(':') ? spec : `${spec}:./${path.basename(planFile)}`;
  const shown = spec.includes(':') ? spec : `${spec}:${path.relative(process.cwd(), planFile) || planFile}`;
  const result = await runGit(['show', '--no-textconv', object], spec.includes(':') ? process.cwd() : folder);
  if (!result.ok) {
    // A revision git knows, without this file: the plan is newer than the revision.
    // (`REV:path` names the file: its absence is the user's mistake, not a new plan.)
    if (!spec.includes(':') && (await runGit(['rev-parse', '--verify', '--quiet', `${spec}^{commit}`], folder)).ok) {
      throw new NotInRevisionError(`git 的版本 ${spec} 里还没有 ${path.relative(process.cwd(), planFile) || planFile}（这份计划是之后新加的，或还没有提交）`);
    }
    throw new OldVersionError(`找不到旧版本“${spec}”：它不是一个文件，也无法从 git 读出 ${shown}（git：${result.stderr}）`);
  }
  return { shown, bytes: result.stdout };
}

/** True when `spec` names a file (then it is the old version of one plan, not a revision of each). */
export async function isOldVersionFile(spec: string): Promise<boolean> {
  return (await stat(spec).catch(() => undefined))?.isFile() ?? false;
}

/** `git config user.name` in the plan's folder, when git and the setting are there. */
export async function gitUserName(planFile: string): Promise<string | undefined> {
  const result = await runGit(['config', 'user.name'], path.dirname(path.resolve(planFile)));
  const name = result.ok ? result.stdout.toString('utf8').trim() : '';
  return name || undefined;
}
