/** Terminal facts every command needs: colour and where messages go. */

/** NO_COLOR (https://no-color.org) and --no-color win; otherwise colour only on a TTY. */
export function useColor(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}
