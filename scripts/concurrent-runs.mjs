// `node scripts/concurrent-runs.mjs [--runs 200] [--parallel 200]`: many `workplan build --to docx`
// and `workplan check` of the same plans at once, as a loaded CI machine runs them, from a cold
// V8 code cache shared by all of them (a fresh WORKPLAN_CACHE_DIR), half the builds writing into
// one shared output folder and half into folders of their own. Every run of the same command must
// end with the same exit code and give the same bytes (check's JSON report, each .docx's parts;
// the zip's own bytes carry times). Prints a summary; exit 1 when any run differs.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'workplan.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = option('runs', 200);
const parallel = option('parallel', runs);

const work = mkdtempSync(path.join(tmpdir(), 'wp-concurrent-'));
const cache = path.join(work, 'cache');
const shared = path.join(work, 'shared-out');
// Three clean plans and one with problems (check and build both end with 1, the same findings each time).
const plans = [
  ...['2025-工作安排意见.yaml', '2026-全区统一战线工作要点.yaml', '2025-汇报发言.yaml'].map((p) => path.join(ROOT, 'plans', p)),
  path.join(ROOT, 'test', 'fixtures', 'check', 'pasted-text', 'plan.yaml'),
];

/** A .docx's parts, hashed: the zip's own bytes carry timestamps. */
function docxHash(file) {
  const hash = createHash('sha256');
  let parts;
  try {
    parts = unzipSync(readFileSync(file));
  } catch (error) {
    return `unreadable (${error.code ?? error.message})`;
  }
  for (const part of Object.keys(parts).sort()) hash.update(part).update(parts[part]);
  return hash.digest('hex').slice(0, 16);
}

/** The names in a folder; none when it was never made (a build that found plan errors). */
const namesIn = (folder) => (existsSync(folder) ? readdirSync(folder).sort() : []);

/** Every .docx of a folder by name, hashed. */
function hashDocxFolder(folder) {
  const hash = createHash('sha256');
  for (const name of namesIn(folder)) if (name.endsWith('.docx')) hash.update(name).update(docxHash(path.join(folder, name)));
  return hash.digest('hex').slice(0, 16);
}

function job(i) {
  const plan = plans[i % plans.length];
  const kind = ['build-own', 'build-shared', 'check'][Math.floor(i / plans.length) % 3];
  const out = kind === 'build-own' ? path.join(work, `out-${i}`) : shared;
  const cmd = kind === 'check' ? ['check', plan, '--format', 'json'] : ['build', plan, '--to', 'docx', '-o', out];
  return { i, key: `${kind} ${path.basename(plan)}`, kind, out, cmd };
}

function run(j) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...j.cmd], {
      cwd: ROOT,
      env: { ...process.env, WORKPLAN_CACHE_DIR: cache, NO_COLOR: '1' },
    });
    const out = [];
    let err = '';
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code, signal) => {
      const stdout = Buffer.concat(out);
      resolve({ ...j, code: code ?? signal, ms: Math.round(performance.now() - started), stdout, stderr: err });
    });
  });
}

mkdirSync(shared, { recursive: true });
const jobs = Array.from({ length: runs }, (_, i) => job(i));
const results = [];
const started = Date.now();
let nextJob = 0;
await Promise.all(
  Array.from({ length: Math.min(parallel, runs) }, async () => {
    while (nextJob < jobs.length) results.push(await run(jobs[nextJob++]));
  }),
);
const wall = Date.now() - started;

const groups = new Map();
for (const r of results) {
  const bytes = r.kind === 'check' ? createHash('sha256').update(r.stdout).update(r.stderr).digest('hex').slice(0, 16) : r.kind === 'build-own' ? hashDocxFolder(r.out) : '';
  const seen = `exit ${r.code}${bytes ? ` ${bytes}` : ''}`;
  if (!groups.has(r.key)) groups.set(r.key, new Map());
  const g = groups.get(r.key);
  if (!g.has(seen)) g.set(seen, []);
  g.get(seen).push(r);
}
// The shared folder after all: each document in it must be the one the own-folder builds wrote.
const mismatched = [];
for (const r of results.filter((x) => x.kind === 'build-own')) {
  for (const name of namesIn(r.out)) {
    if (!name.endsWith('.docx')) continue;
    if (docxHash(path.join(shared, name)) !== docxHash(path.join(r.out, name))) mismatched.push(name);
  }
}

let differing = 0;
console.log(`${runs} 次运行，同时最多 ${Math.min(parallel, runs)} 个，用时 ${(wall / 1000).toFixed(1)} s；最慢 ${Math.max(...results.map((r) => r.ms))} ms`);
for (const [key, g] of [...groups].sort()) {
  const outcomes = [...g].map(([seen, rs]) => `${seen} ×${rs.length}`).join('；');
  if (g.size > 1) differing++;
  console.log(`${g.size > 1 ? '不一致' : '一致'}  ${key}: ${outcomes}`);
  if (g.size > 1) for (const [, rs] of g) console.log(`    例：${rs[0].stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
}
console.log(`共享输出文件夹：${mismatched.length === 0 ? '每份文稿都与各自文件夹里的相同' : `${new Set(mismatched).size} 份文稿与各自文件夹里的不同`}`);
const failedShared = results.filter((r) => r.kind === 'build-shared' && r.code !== 0 && !r.cmd[1].includes('pasted-text'));
if (failedShared.length) console.log(`写入共享文件夹失败 ${failedShared.length} 次：${failedShared[0].stderr.trim().split('\n')[0]}`);
const ok = differing === 0 && failedShared.length === 0 && mismatched.length === 0;
console.log(ok ? '全部一致' : '有不一致');
process.exitCode = ok ? 0 : 1;
