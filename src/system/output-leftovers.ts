/**
 * What a killed run leaves beside its outputs, and how the next run clears it away.
 *
 * A run writes `.NAME.PID.HEX.tmp` beside each output, then (for two outputs or more) a journal
 * `.workplan-PID-HEX.journal` listing temp → target pairs, then renames, then removes the journal.
 * A journal on disk therefore means "every temp was complete; finish the renames". Without one,
 * the temps of a dead run were never committed and are only debris.
 */
import { randomBytes } from 'node:crypto';
import { lstat, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** `.plan.docx.12345.0a1b2c3d.tmp`: the output's name, the writer's process and a random tag. */
const TEMP_NAME = /^\.(.+)\.(\d+)\.([0-9a-f]{8})\.tmp$/;
const JOURNAL_NAME = /^\.workplan-(\d+)-([0-9a-f]{8})\.journal$/;

/** A journal's name: its process, and a random tag so two calls in one process never collide. */
export interface RunTag {
  pid: number;
  hex: string;
}

export function createRunTag(): RunTag {
  return { pid: process.pid, hex: randomBytes(4).toString('hex') };
}

/**
 * Same folder as the target, so the rename never crosses a file system; a tag of its own, so two
 * outputs of one set with the same path (the last wins, as it always did) never share a temp.
 */
export function tempPathFor(target: string, pid: number): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export function journalPathIn(folder: string, tag: RunTag): string {
  return path.join(folder, `.workplan-${tag.pid}-${tag.hex}.journal`);
}

/** The journal's text: pairs relative to its folder, so a moved or copied folder still recovers. */
export function formatJournal(journal: string, renames: readonly (readonly [temp: string, target: string])[]): string {
  const folder = path.dirname(journal);
  const pairs = renames.map(([temp, target]) => [path.relative(folder, temp), path.relative(folder, target)]);
  return `${JSON.stringify({ workplan: 'journal', version: 1, renames: pairs })}\n`;
}

/**
 * Before writing into `folders`: finishes the sets of dead runs whose journal survived and removes
 * the temps of dead runs. Files of running processes are left alone. Best effort: whatever cannot
 * be cleared here is reported, if it matters, by the write that follows.
 */
export async function recoverLeftovers(folders: Iterable<string>): Promise<void> {
  const listings: [string, string[]][] = [];
  for (const folder of new Set(folders)) {
    try {
      listings.push([folder, await readdir(folder)]);
    } catch {
      // A folder that does not exist yet holds no leftovers.
    }
  }
  // Journals first: their temps are to be renamed, not swept.
  for (const [folder, names] of listings) {
    for (const name of names) {
      const match = JOURNAL_NAME.exec(name);
      if (match && !isRunning(Number(match[1]))) await rollForward(path.join(folder, name), Number(match[1]));
    }
  }
  for (const [folder, names] of listings) {
    for (const name of names) {
      const match = TEMP_NAME.exec(name);
      if (match && !isRunning(Number(match[2]))) await unlink(path.join(folder, name)).catch(() => undefined);
    }
  }
}

/**
 * A journal is written only after every temp of its set is complete, so a temp that is gone was
 * already renamed: finish the others. If a pair has neither temp nor target, the set was tampered
 * with and is not trusted; the journal and its temps go.
 */
async function rollForward(journal: string, pid: number): Promise<void> {
  const pairs = await readJournal(journal, pid);
  if (!pairs) {
    // Torn while being written: the set was never committed, and the sweep takes its temps.
    await unlink(journal).catch(() => undefined);
    return;
  }
  const complete = (await Promise.all(pairs.map(async ([temp, target]) => (await exists(temp)) || (await exists(target))))).every(Boolean);
  for (const [temp, target] of pairs) {
    try {
      if (complete) await rename(temp, target);
      else await unlink(temp);
    } catch (error) {
      // Renamed by the dead run, or by another run recovering at the same moment.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return; // Keep the journal: a later run may succeed where this one could not.
    }
  }
  await unlink(journal).catch(() => undefined);
}

/** The pairs of a journal, each temp named by the journal's own run and beside its target. */
async function readJournal(journal: string, pid: number): Promise<[string, string][] | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(journal, 'utf8'));
  } catch {
    return undefined;
  }
  const renames = (data as { renames?: unknown } | null)?.renames;
  if (!Array.isArray(renames)) return undefined;
  const folder = path.dirname(journal);
  const pairs: [string, string][] = [];
  for (const pair of renames) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') return undefined;
    const temp = path.resolve(folder, pair[0]);
    const target = path.resolve(folder, pair[1]);
    // Never let a journal rename anything but a run's own temp onto the output it stands for.
    const match = TEMP_NAME.exec(path.basename(temp));
    if (!match || Number(match[2]) !== pid || path.join(path.dirname(temp), match[1]!) !== target) return undefined;
    pairs.push([temp, target]);
  }
  return pairs;
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT',
  );
}

/**
 * Whether the process that named a leftover still runs. This process has written nothing yet, so
 * a leftover with its number is from an earlier process that had the same one.
 */
function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
