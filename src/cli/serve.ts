/** `workplan serve`: flags → the preview server; the address on stdout, each render on stderr, until Ctrl+C. */
import { startPreview } from '../pipeline/preview-server.js';
import { UsageError } from '../usage-error.js';

export async function runServe(paths: string[], options: { doc?: string; port?: string }): Promise<number> {
  let port: number | undefined;
  if (options.port !== undefined) {
    port = Number(options.port);
    if (!/^\d+$/.test(options.port) || port < 1 || port > 65535) throw new UsageError(`端口“${options.port}”不对：应为 1–65535 的整数`);
  }
  const preview = await startPreview({
    paths,
    ...(port !== undefined ? { port } : {}),
    ...(options.doc !== undefined ? { doc: options.doc } : {}),
    onRender: (shown, outcome, ms) => process.stderr.write(`${shown}：${outcome}（${ms} ms）\n`),
  });
  process.stdout.write(`预览：${preview.url}\n`);
  process.stderr.write('在浏览器中打开上面的地址；保存计划后页面自动更新。按 Ctrl+C 停止。\n');
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await preview.close();
  return 0;
}
