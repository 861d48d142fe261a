// The language server's two figures (issue 31): from starting `workplan lsp` to the first
// diagnostics of the example plan, and, warm, from an edit to its diagnostics (median). Each edit
// follows a pause longer than the server's throttle, as a writer's edits do. Prints one JSON line;
// `npm run bench` reports it, and it runs alone too: `node scripts/bench-lsp.mjs [plan] [edits]`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const plan = path.resolve(process.argv[2] ?? path.join(root, 'plans', '2026-工作安排意见.yaml'));
const edits = Number(process.argv[3] ?? 30);
const uri = pathToFileURL(plan).href;
const text = readFileSync(plan, 'utf8');
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const started = process.hrtime.bigint();
const server = spawn(process.execPath, [path.join(root, 'bin', 'workplan.js'), 'lsp', '--stdio'], { cwd: path.dirname(plan), stdio: ['pipe', 'pipe', 'inherit'] });
const rpc = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
let waiting;
rpc.onNotification('textDocument/publishDiagnostics', (params) => {
  if (params.uri === uri && waiting && params.version === waiting.version) waiting.resolve(process.hrtime.bigint());
});
rpc.listen();
const diagnosticsOf = (version) => new Promise((resolve) => (waiting = { version, resolve }));

await rpc.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(path.dirname(plan)).href, capabilities: {} });
await rpc.sendNotification('initialized', {});
let seen = diagnosticsOf(1);
await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
const first = Number((await seen) - started) / 1e6;

const times = [];
for (let i = 0; i < edits; i++) {
  await pause(200);
  const version = i + 2;
  // A character typed into the first title, then taken out again: the plan stays the same size.
  const changed = i % 2 === 0 ? text.replace('title: ', 'title: 新') : text;
  seen = diagnosticsOf(version);
  const sent = process.hrtime.bigint();
  await rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: changed }] });
  times.push(Number((await seen) - sent) / 1e6);
}
await rpc.sendRequest('shutdown');
await rpc.sendNotification('exit');
rpc.dispose();
times.sort((a, b) => a - b);
const median = times.length % 2 ? times[times.length >> 1] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
console.log(JSON.stringify({ first, median, max: times.at(-1) }));
