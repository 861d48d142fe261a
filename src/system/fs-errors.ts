/**
 * System errors in words a user understands: one table for every command, so a read and a write
 * that fail for the same reason are explained the same way, each in its own verb.
 */
import { access } from 'node:fs/promises';

/** What the tool was doing when the system said no: the same code means different things. */
export type FsOperation = 'read' | 'write';

type Reason = string | Readonly<Record<FsOperation, string>>;

/** Every code a user can meet reading plans or writing outputs; the rest fall back to the code. */
export const FS_REASONS: Readonly<Record<string, Reason>> = {
  ENOENT: { read: '文件或目录不存在', write: '所在目录不存在，也无法创建' },
  EACCES: { read: '没有读取权限', write: '没有写入权限' },
  // EPERM is also what Windows says for a file another program holds open.
  EPERM: { read: '没有读取权限（操作不被允许）', write: '没有写入权限（操作不被允许；文件可能设为只读或正被其他程序使用）' },
  ENOSPC: '磁盘空间已满',
  EDQUOT: '已超出磁盘配额',
  // Reads never meet EROFS; only writes do.
  EROFS: '所在位置是只读文件系统，不能写入',
  EEXIST: { read: '同名的文件或目录已经存在', write: '同名的文件或目录已经存在，不能创建' },
  EISDIR: { read: '这是一个目录，不是文件', write: '同名的目录已经存在，不能写成文件' },
  ENOTDIR: '路径中有一段是文件而不是目录',
  ENAMETOOLONG: '路径或文件名太长',
  EMFILE: '本程序打开的文件太多，请减少一次处理的文件后重试',
  ENFILE: '系统打开的文件太多，请关闭一些程序后重试',
  EBUSY: '文件正被其他程序使用（例如在 Word 或 WPS 中打开），请关闭后重试',
  ELOOP: '符号链接层数太多（可能指向了自己）',
  EIO: '磁盘读写出错（磁盘或网络存储可能有故障）',
  EFBIG: '文件太大，超出了文件系统的上限',
  ETXTBSY: '文件正被运行中的程序使用',
  EINVAL: '路径中有系统不允许的字符',
  ETIMEDOUT: '访问超时（网络存储可能无法连接）',
  ESTALE: '网络存储上的文件已失效，请重新挂载后重试',
};

function codeOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The reason alone (`没有写入权限`), for callers that name the file their own way. */
export function explainFsError(error: unknown, operation: FsOperation): string {
  const code = codeOf(error);
  const reason = code === undefined ? undefined : FS_REASONS[code];
  if (typeof reason === 'string') return reason;
  if (reason) return reason[operation];
  const verb = operation === 'read' ? '读取' : '写入';
  // An unknown code still tells a helper what to search for.
  if (code) return `${verb}时发生系统错误（${code}）`;
  return `${verb}时发生意外错误（${error instanceof Error ? error.message : String(error)}）`;
}

/** `无法读取“plans/a.yaml”：文件或目录不存在`, naming the file as the user gave it. */
export function describeFsError(error: unknown, operation: FsOperation, shown: string): string {
  return `${operation === 'read' ? '无法读取' : '无法写入'}“${shown}”：${explainFsError(error, operation)}`;
}

/** Whether a path can be reached (anything the system says no to counts as absent). */
export function pathExists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
