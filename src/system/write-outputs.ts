/**
 * emit's last step for every command: the outputs of one call onto the disk as a set, or compared
 * with it. A reader never sees half a file, and after a crash the next run finds either the old
 * set or the new one (see output-leftovers.ts for the journal that makes the set whole).
 */
import { lstat, mkdir, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError, explainFsError } from './fs-errors.js';
import { createRunTag, formatJournal, journalPathIn, recoverLeftovers, tempPathFor } from './output-leftovers.js';
import { UsageError } from '../usage-error.js';

/** One file a command produces. `shown` is how messages name it, when not by its path. */
export interface Output {
  path: string;
  data: Uint8Array | string;
  shown?: string;
}

/** A failure tied to the output it stopped, and to the folder when that could not be made. */
class OutputFailure {
  constructor(
    readonly output: Output,
    readonly error: unknown,
    readonly folder?: string,
  ) {}
}

/**
 * Writes every output to a temp file beside it (synced), records the set in a journal, renames
 * them all, then drops the journal; `onWritten` is told of each once all are in place. A failure
 * removes this run's temps and stops with a UsageError naming the file. Everything that can be
 * refused is refused before the first rename; only a rename failing after others succeeded (a
 * file held open on Windows) leaves the set mixed, each file still whole.
 */
export async function writeOutputs(asked: readonly Output[], onWritten: (output: Output) => void = () => {}): Promise<void> {
  const outputs = await Promise.all(asked.map(throughLink));
  const [first] = outputs;
  if (!first) return;
  const folders = [...new Set(outputs.map((output) => path.dirname(output.path)))];
  await recoverLeftovers(folders);

  const tag = createRunTag();
  const temps: string[] = [];
  const renamed = new Set<string>();
  let journal: string | undefined;
  try {
    const made = new Set<string>();
    for (const output of outputs) {
      const folder = path.dirname(output.path);
      if (!made.has(folder)) {
        await makeFolder(folder).catch((error: unknown) => {
          throw new OutputFailure(output, error, (error as NodeJS.ErrnoException).path ?? folder);
        });
        made.add(folder);
      }
      const temp = tempPathFor(output.path, tag.pid);
      // Listed before writing, so a temp a failed write left half-done is removed too.
      temps.push(temp);
      await refuseFolderTarget(output.path)
        .then(() => writeDurably(temp, output.data))
        .catch((error: unknown) => {
          throw new OutputFailure(output, error);
        });
    }
    await syncFolders(folders);
    // One rename is atomic by itself; a set needs the journal to be finished after a crash.
    if (outputs.length > 1) {
      journal = journalPathIn(path.dirname(first.path), tag);
      const text = formatJournal(
        journal,
        outputs.map((output, i) => [temps[i]!, output.path]),
      );
      await writeDurably(journal, text).catch((error: unknown) => {
        throw new OutputFailure(first, error);
      });
      await syncFolders([path.dirname(journal)]);
    }
    for (const [i, output] of outputs.entries()) {
      await rename(temps[i]!, output.path).catch((error: unknown) => {
        throw new OutputFailure(output, error);
      });
      renamed.add(temps[i]!);
    }
    await syncFolders(folders);
  } catch (failure) {
    await Promise.all(temps.filter((temp) => !renamed.has(temp)).map((temp) => unlink(temp).catch(() => undefined)));
    if (journal) await unlink(journal).catch(() => undefined);
    if (failure instanceof OutputFailure) throw new UsageError(describeOutputFailure(failure));
    throw failure;
  }
  // The set is in place; a journal left by a failed unlink only renames nothing next time.
  if (journal) await unlink(journal).catch(() => undefined);
  for (const output of asked) onWritten(output);
}

/**
 * An output that is a symbolic link (a plan kept elsewhere and linked into the repository) is
 * written where the link points, so the link stays a link; messages still name it as asked.
 */
async function throughLink(output: Output): Promise<Output> {
  const isLink = await lstat(output.path).then(
    (info) => info.isSymbolicLink(),
    () => false,
  );
  if (!isLink) return output;
  // A dangling link has nowhere to write through: it is replaced, as before.
  const target = await realpath(output.path).catch(() => undefined);
  return target === undefined ? output : { ...output, path: target, shown: output.shown ?? output.path };
}

function describeOutputFailure({ output, error, folder }: OutputFailure): string {
  const shown = output.shown ?? output.path;
  if (folder === undefined) return describeFsError(error, 'write', shown);
  if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return `无法写入“${shown}”：“${showFolder(output, folder)}”是文件而不是目录`;
  return `无法写入“${shown}”：无法创建目录“${showFolder(output, folder)}”（${explainFsError(error, 'write')}）`;
}

/** A folder above an output, named the way the user named the output (`my-plans`, not /home/…). */
function showFolder(output: Output, folder: string): string {
  const shown = output.shown ?? output.path;
  const rest = path.relative(folder, path.resolve(output.path));
  if (!rest || rest.startsWith('..') || path.isAbsolute(rest)) return folder;
  const suffix = `${path.sep}${rest}`;
  return shown.endsWith(suffix) ? shown.slice(0, -suffix.length) || path.sep : folder;
}

/**
 * mkdir -p one level at a time: Node's recursive mkdir reports ENOENT where a read-only or
 * forbidden parent is the real reason, and that would send the user looking for a missing folder.
 */
async function makeFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await stat(folder)).isDirectory()) return;
      throw fileInTheWay(folder);
    }
    if (code === 'ENOTDIR') throw fileInTheWay(await findFileInTheWay(folder));
    const parent = path.dirname(folder);
    if (code !== 'ENOENT' || parent === folder) throw error;
    await makeFolder(parent);
    await mkdir(folder).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

/** ENOTDIR naming the file that stands where a folder is needed, not the folder asked for. */
function fileInTheWay(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`not a directory: ${file}`), { code: 'ENOTDIR', path: file });
}

async function findFileInTheWay(folder: string): Promise<string> {
  for (let at = path.dirname(folder); at !== path.dirname(at); at = path.dirname(at)) {
    const info = await stat(at).catch(() => undefined);
    if (info) return info.isDirectory() ? folder : at;
  }
  return folder;
}

/** A folder where the output should go would fail only at the rename, after others were renamed. */
async function refuseFolderTarget(file: string): Promise<void> {
  const info = await lstat(file).catch(() => undefined);
  if (info?.isDirectory()) throw Object.assign(new Error(`is a directory: ${file}`), { code: 'EISDIR', path: file });
}

/** Written and synced, so the journal never vouches for bytes still in a cache. */
async function writeDurably(file: string, data: Uint8Array | string): Promise<void> {
  // wx: a name already taken is never silently shared with another run.
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** New names in a folder survive a power cut only once the folder itself is synced. */
async function syncFolders(folders: readonly string[]): Promise<void> {
  for (const folder of new Set(folders)) {
    try {
      const handle = await open(folder, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // Windows cannot open a folder for syncing; its renames are durable without it.
    }
  }
}

/** The outputs whose file on disk is not what would be written now, and why. */
export async function staleOutputs(outputs: readonly Output[]): Promise<{ path: string; why: string }[]> {
  const stale: { path: string; why: string }[] = [];
  for (const output of outputs) {
    let current: Buffer;
    try {
      current = await readFile(output.path);
    } catch {
      stale.push({ path: output.path, why: '文件不存在' });
      continue;
    }
    if (!current.equals(Buffer.from(output.data))) stale.push({ path: output.path, why: '内容不同' });
  }
  return stale;
}
