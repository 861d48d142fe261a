/** Terminal facts every command needs: colour and where messages go. */

/** NO_COLOR (https://no-color.org) and --no-color win; otherwise colour only on a TTY. */
export function useColor(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/**
 * A progress line for long batches, rewritten in place on a terminal (and nothing elsewhere, so a
 * log stays clean): “正在生成 3/20：plans/x.yaml”. Says whether it drew one.
 */
export function writeProgress(verb: string, index: number, total: number, item: string): boolean {
  const live = Boolean(process.stderr.isTTY) && total > 1;
  if (live) process.stderr.write(`\r\x1b[K正在${verb} ${index + 1}/${total}：${item}`);
  return live;
}

/** Clears the progress line before the summary is printed. */
export function clearProgress(): void {
  process.stderr.write('\r\x1b[K');
}
