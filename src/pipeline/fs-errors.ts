/** System errors in words a user understands. */

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件或目录不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'EISDIR':
      return '这是一个目录';
    case 'ENOTDIR':
      return '路径中有一段不是目录';
    default:
      return code ?? String(error);
  }
}
