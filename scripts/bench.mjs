// `npm run bench`: whole-process wall time of `workplan check` on one plan against `node -e 0`.
// Uses hyperfine when it is installed, otherwise times the runs itself. Reports medians and the ratio.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const plan = process.argv[2] ?? path.join(root, 'plans', '2025-工作安排意见.yaml');
const runs = Number(process.env.BENCH_RUNS ?? 30);
const node = process.execPath;
const commands = {
  'node -e 0': [node, '-e', '0'],
  'workplan check': [node, path.join(root, 'bin', 'workplan.js'), 'check', plan],
};
const LIMIT = 1.5;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function hasHyperfine() {
  return spawnSync('hyperfine', ['--version'], { stdio: 'ignore' }).status === 0;
}

let medians;
if (hasHyperfine()) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'wp-bench-')), 'result.json');
  const quote = (argv) => argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  execFileSync(
    'hyperfine',
    ['-N', '--warmup', '3', '--runs', String(runs), '--export-json', out, ...Object.values(commands).map(quote)],
    { stdio: 'inherit' },
  );
  const result = JSON.parse(readFileSync(out, 'utf8'));
  medians = Object.fromEntries(Object.keys(commands).map((name, i) => [name, result.results[i].median * 1000]));
} else {
  medians = {};
  for (const [name, [cmd, ...args]] of Object.entries(commands)) {
    for (let i = 0; i < 3; i++) spawnSync(cmd, args, { stdio: 'ignore' });
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t = process.hrtime.bigint();
      spawnSync(cmd, args, { stdio: 'ignore' });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    medians[name] = median(times);
  }
}

const ratio = medians['workplan check'] / medians['node -e 0'];
console.log('');
for (const [name, ms] of Object.entries(medians)) console.log(`${name.padEnd(16)} 中位数 ${ms.toFixed(1)} ms`);
console.log(`比值 ${ratio.toFixed(2)}×（目标 ≤ ${LIMIT}×）${ratio <= LIMIT ? '达标' : '未达标'}`);
