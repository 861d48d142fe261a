/** `workplan lsp`: the language server on standard input and output, until the editor ends it. */
import { serveLanguage } from '../pipeline/language-server.js';
import { readVersion } from './version.js';

export async function runLsp(): Promise<number> {
  // Started by hand in a terminal it would wait in silence: say what it is (stderr, never the protocol's stdout).
  if (process.stdin.isTTY) process.stderr.write('workplan lsp 是语言服务器，由编辑器启动、经标准输入输出通信；按 Ctrl+C 退出。配置方法见 docs/guide/editor.md\n');
  await serveLanguage({ input: process.stdin, output: process.stdout, version: readVersion() });
  return 0;
}
