/**
 * What to say when standard output itself fails. The CLI owns the streams, but the
 * wording of file-system errors lives with the system adapters; this is the one door.
 */
import { explainFsError } from '../system/fs-errors.js';

/** The Chinese message for a failed write to stdout (ENOSPC, EIO under `> file`). */
export function explainStdoutError(error: unknown): string {
  return `无法写入标准输出：${explainFsError(error, 'write')}`;
}
