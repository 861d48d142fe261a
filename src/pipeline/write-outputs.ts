/** emit's last step for every command: outputs onto the disk, each atomically, or compared with it. */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../emit/write-file.js';
import { describeFsError } from './fs-errors.js';
import { UsageError } from './usage-error.js';

/** One file a command produces. `shown` is how messages name it, when not by its path. */
export interface Output {
  path: string;
  data: Uint8Array | string;
  shown?: string;
}

/** Writes the outputs in order; a failure stops with a UsageError naming the file. */
export async function writeOutputs(outputs: readonly Output[], onWritten: (output: Output) => void = () => {}): Promise<void> {
  for (const output of outputs) {
    try {
      await writeFileAtomic(output.path, output.data);
    } catch (error) {
      throw new UsageError(describeFsError(error, 'write', output.shown ?? output.path));
    }
    onWritten(output);
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
