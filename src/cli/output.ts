/** Terminal facts every command needs: colour and where messages go. */

/** NO_COLOR (https://no-color.org) and --no-color win; otherwise colour only on a TTY. */
export function useColor(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/** How often a log (stderr not a terminal, as in CI) hears of a long batch. */
const LOG_EVERY_MS = 5000;
let batchStarted = 0;
let lastLogged = 0;

/**
 * A progress line for long batches: on a terminal rewritten in place (“正在生成 3/20：plans/x.yaml”);
 * in a log (CI), a line of its own every few seconds once the batch has run that long, so a long
 * job shows it is alive and a short one prints nothing. Says whether it drew a line to clear.
 */
export function writeProgress(verb: string, index: number, total: number, item: string, now = Date.now()): boolean {
  if (total <= 1) return false;
  if (process.stderr.isTTY) {
    process.stderr.write(`\r\x1b[K正在${verb} ${index + 1}/${total}：${item}`);
    return true;
  }
  if (index === 0 || batchStarted === 0) batchStarted = lastLogged = now;
  if (now - lastLogged >= LOG_EVERY_MS) {
    lastLogged = now;
    process.stderr.write(`正在${verb} ${index + 1}/${total}：${item}（已用 ${Math.round((now - batchStarted) / 1000)} 秒）\n`);
  }
  return false;
}

/** Clears the progress line before the summary is printed. */
export function clearProgress(): void {
  process.stderr.write('\r\x1b[K');
}
