// `npm run bench`: whole-process figures, as ratios measured in one run on this machine:
//   check of one plan / `node -e 0`;  build --to docx / pandoc on the same Markdown;
//   20 plans in one build / 20 pandoc runs;  1k → 10k measures for check, docx, xlsx and the 分工表 .docx, with peak RSS;
//   status and diff over 50 → 500 plans in one process; the language server's first and warm diagnostics.
// Uses hyperfine when installed (otherwise times the runs itself) and GNU time for peak memory.
// Big plans come from scripts/generate-plan.mjs. `BENCH_RUNS` sets the repetitions (default 10);
// `node scripts/bench.mjs --quick` skips the 10k plans; `BENCH_NODES=a,b` adds the check ratio under
// other Node binaries.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const bin = path.join(root, 'bin', 'workplan.js');
const plan = path.join(root, 'plans', '2025-工作安排意见.yaml');
const runs = Number(process.env.BENCH_RUNS ?? 10);
const quick = process.argv.includes('--quick');
const work = mkdtempSync(path.join(tmpdir(), 'wp-bench-'));
const has = (cmd, arg = '--version') => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
const hyperfine = has('hyperfine');
const pandoc = has('pandoc');
const gnuTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const quote = (argv) => argv.map((a) => `'${String(a).replace(/'/g, `'\\''`)}'`).join(' ');

/** Median wall time (ms) of each shell command, measured in one interleaved run. */
function time(commands) {
  const names = Object.keys(commands);
  if (hyperfine) {
    const out = path.join(work, `hf-${Date.now()}.json`);
    execFileSync('hyperfine', ['--warmup', '2', '--runs', String(runs), '--export-json', out, '--style', 'none', ...names.map((n) => commands[n])], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const result = JSON.parse(readFileSync(out, 'utf8'));
    return Object.fromEntries(names.map((n, i) => [n, result.results[i].median * 1000]));
  }
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < runs + 2; r++) {
    for (const n of names) {
      const t = process.hrtime.bigint();
      spawnSync('sh', ['-c', commands[n]], { stdio: 'ignore' });
      if (r >= 2) times[n].push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n])]));
}

/** Wall time (s) and peak RSS (MB) of one run, the best of `count`. */
function measureOnce(argv, count = 2) {
  let best;
  for (let i = 0; i < count; i++) {
    const t = process.hrtime.bigint();
    const r = gnuTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 })
      : spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30 });
    const seconds = Number(process.hrtime.bigint() - t) / 1e9;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} 失败：${r.stderr}`);
    const rss = gnuTime ? Number(r.stderr.trim().split('\n').pop()) / 1024 : NaN;
    if (!best || seconds < best.seconds) best = { seconds, rss };
  }
  return best;
}

const rows = [];
const report = (name, value, target, unit = '×') =>
  rows.push(`${name.padEnd(30)} ${value.toFixed(2).padStart(7)}${unit}${target === undefined ? '' : `（目标 ≤ ${target}${unit}，${value <= target ? '达标' : '未达标'}）`}`);

// 1. Start-up: check of one plan against an empty Node.
const startup = time({ node: quote([node, '-e', '0']), check: quote([node, bin, 'check', plan]) });
report('check ÷ node -e 0', startup.check / startup.node, 2.0);
rows.push(`    node -e 0 ${startup.node.toFixed(0)} ms，workplan check ${startup.check.toFixed(0)} ms`);
// The same ratio under other Node binaries (BENCH_NODES=/path/to/node22,/path/to/node24), each against itself.
for (const other of (process.env.BENCH_NODES ?? '').split(',').filter(Boolean)) {
  const version = execFileSync(other, ['--version'], { encoding: 'utf8' }).trim();
  const t = time({ node: quote([other, '-e', '0']), check: quote([other, bin, 'check', plan]) });
  report(`check ÷ node -e 0（${version}）`, t.check / t.node, 2.0);
  rows.push(`    node -e 0 ${t.node.toFixed(0)} ms，workplan check ${t.check.toFixed(0)} ms`);
}

// 2. One document against pandoc converting the same Markdown.
const md = path.join(work, 'plan.md');
execFileSync(node, [bin, 'build', plan, '--to', 'md', '-o', md], { stdio: 'ignore' });
if (pandoc) {
  const docx = time({
    pandoc: quote(['pandoc', md, '-o', path.join(work, 'pandoc.docx')]),
    build: quote([node, bin, 'build', plan, '-o', path.join(work, 'wp.docx')]),
  });
  report('build docx ÷ pandoc', docx.build / docx.pandoc, 3.0);
  rows.push(`    pandoc ${docx.pandoc.toFixed(0)} ms，workplan build ${docx.build.toFixed(0)} ms`);

  // 3. A batch of 20 plans in one process against 20 pandoc processes.
  const batch = path.join(work, 'batch');
  mkdirSync(batch);
  const mds = [];
  for (let i = 1; i <= 20; i++) {
    copyFileSync(plan, path.join(batch, `plan-${i}.yaml`));
    mds.push(md);
  }
  const loop = mds.map((m, i) => quote(['pandoc', m, '-o', path.join(work, `p${i}.docx`)])).join(' && ');
  const batchTimes = time({ pandoc: loop, build: quote([node, bin, 'build', batch, '-o', path.join(work, 'batch-out')]) });
  report('20 个计划 ÷ 20 次 pandoc', batchTimes.build / batchTimes.pandoc, 0.6);
  rows.push(`    20 次 pandoc ${batchTimes.pandoc.toFixed(0)} ms，workplan build 目录 ${batchTimes.build.toFixed(0)} ms`);
} else {
  rows.push('（没有 pandoc：跳过与 pandoc 的比较）');
}

// 4. build --watch: from saving the plan to the rebuilt outputs, warm (median of a few saves).
{
  const dir = mkdtempSync(path.join(tmpdir(), 'wp-bench-watch-'));
  const watched = path.join(dir, 'plan.yaml');
  copyFileSync(plan, watched);
  const child = spawn(node, [bin, 'build', watched, '--to', 'docx,md', '-o', path.join(dir, 'out'), '--watch'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const lines = () => log.split('\n').filter((l) => /（用时 \d+ 毫秒）/.test(l)).length;
  const until = async (n) => {
    const start = Date.now();
    while (lines() < n) {
      if (Date.now() - start > 30_000) throw new Error(`--watch 没有重新生成：${log}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  await until(1);
  const saves = [];
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 400));
    const t = process.hrtime.bigint();
    appendFileSync(watched, `# 第 ${i + 1} 次保存\n`);
    await until(i + 2);
    saves.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  child.kill('SIGTERM');
  report('--watch 保存 → 重新生成', median(saves), 150, ' ms');
}

// 4b. The language server: first diagnostics after start, then an edit's diagnostics, warm (scripts/bench-lsp.mjs).
{
  const lsp = JSON.parse(execFileSync(node, [path.join(root, 'scripts', 'bench-lsp.mjs')], { encoding: 'utf8' }));
  report('lsp 启动 → 首次诊断', lsp.first, 600, ' ms');
  report('lsp 改动 → 诊断（中位数）', lsp.median, 30, ' ms');
}

// 4c. serve: from a save to the new pages on screen in chromium (scripts/bench-serve.mjs; skipped without chromium).
{
  const serve = JSON.parse(execFileSync(node, [path.join(root, 'scripts', 'bench-serve.mjs')], { encoding: 'utf8' }));
  if (serve.skipped) rows.push(`（${serve.skipped}：跳过 serve 的预览用时）`);
  else report('serve 保存 → 新页面上屏（中位数）', serve.median / 1000, 4, ' s');
}

// 5. Scaling: 1k → 10k measures.
if (!quick) {
  const sizes = [1000, 10000];
  const files = Object.fromEntries(
    sizes.map((n) => {
      const file = path.join(work, `plan-${n}.yaml`);
      writeFileSync(file, execFileSync(node, [path.join(root, 'scripts', 'generate-plan.mjs'), String(n)], { maxBuffer: 1 << 30 }));
      return [n, file];
    }),
  );
  const jobs = {
    check: (f) => [node, bin, 'check', f],
    docx: (f) => [node, bin, 'build', f, '-o', `${f}.docx`],
    xlsx: (f) => [node, bin, 'build', f, '--doc', 'tasks', '--to', 'xlsx', '-o', `${f}.xlsx`],
    // The 分工表 as .docx: one table of as many rows as measures.
    '分工表 docx': (f) => [node, bin, 'build', f, '--doc', 'tasks', '--to', 'docx', '-o', `${f}-tasks.docx`],
  };
  for (const [name, argv] of Object.entries(jobs)) {
    const small = measureOnce(argv(files[1000]));
    const large = measureOnce(argv(files[10000]), 1);
    report(`${name} 1k → 10k 举措`, large.seconds / small.seconds, 11);
    rows.push(`    1k ${small.seconds.toFixed(1)} s / ${small.rss.toFixed(0)} MB，10k ${large.seconds.toFixed(1)} s / ${large.rss.toFixed(0)} MB（峰值内存）`);
    if (name === 'docx') report('docx 10k 峰值内存', large.rss, 500, ' MB');
  }
}

// 6. status and diff over many plans in one process: 50 → 500 plans (25 → 250 year pairs), linear in plan count.
{
  const repo = (pairs) => {
    const dir = mkdtempSync(path.join(tmpdir(), `wp-bench-many-${pairs}-`));
    mkdirSync(path.join(dir, 'plans'));
    for (let i = 0; i < pairs; i++) {
      // Ten distinct plans of 40 and 44 measures, copied: the same seed gives a next year that continues the last.
      const seed = String(20251110 + (i % 10));
      if (i < 10) {
        writeFileSync(path.join(dir, 'plans', `2025-计划${i}.yaml`), execFileSync(node, [path.join(root, 'scripts', 'generate-plan.mjs'), '40', seed]));
        writeFileSync(path.join(dir, 'plans', `2026-计划${i}.yaml`), execFileSync(node, [path.join(root, 'scripts', 'generate-plan.mjs'), '44', seed]));
      } else {
        copyFileSync(path.join(dir, 'plans', `2025-计划${i % 10}.yaml`), path.join(dir, 'plans', `2025-计划${i}.yaml`));
        copyFileSync(path.join(dir, 'plans', `2026-计划${i % 10}.yaml`), path.join(dir, 'plans', `2026-计划${i}.yaml`));
      }
    }
    return dir;
  };
  const small = repo(25);
  const large = repo(250);
  const inRepo = (dir, args) => ['sh', '-c', `cd ${quote([dir])} && ${quote([node, bin, ...args])} > /dev/null`];
  for (const [name, args] of Object.entries({ status: ['status', 'plans', '--as-of', '2025-09-30', '--format', 'json'], diff: ['diff', '--format', 'json'] })) {
    const a = measureOnce(inRepo(small, args));
    const b = measureOnce(inRepo(large, args), 1);
    report(`${name} 50 → 500 个计划`, b.seconds / a.seconds, 11);
    rows.push(`    50 个 ${a.seconds.toFixed(1)} s，500 个 ${b.seconds.toFixed(1)} s（一个进程）`);
  }
}

console.log(`\nworkplan 性能（${process.version}，${hyperfine ? 'hyperfine' : '自计时'}，每项 ${runs} 次取中位数）`);
for (const r of rows) console.log(r);
