// `workplan serve` (issue 31): from saving the example plan to its new pages on screen in a real
// browser (Debian's chromium through puppeteer-core), warm, the median of a few saves. Prints one
// JSON line; `npm run bench` reports it, and it runs alone: `node scripts/bench-serve.mjs [saves]`.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const saves = Number(process.argv[2] ?? 5);
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!chromium) {
  console.log(JSON.stringify({ skipped: '没有 chromium' }));
  process.exit(0);
}
const work = mkdtempSync(path.join(tmpdir(), 'wp-bench-serve-'));
mkdirSync(path.join(work, 'plans'));
const plan = path.join(work, 'plans', '2026-工作安排意见.yaml');
copyFileSync(path.join(root, 'plans', '2026-工作安排意见.yaml'), plan);
const text = readFileSync(plan, 'utf8');
const server = spawn(process.execPath, [path.join(root, 'bin', 'workplan.js'), 'serve', 'plans'], { cwd: work, stdio: ['ignore', 'pipe', 'ignore'] });
const url = await new Promise((resolve) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
    if (found) resolve(found[0]);
  });
});
const browser = await puppeteer.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'], headless: true });
const page = await browser.newPage();
const generation = () => page.evaluate(() => Number(document.getElementById('pages').dataset.generation));
const until = async (ok) => {
  for (;;) {
    const g = await generation();
    if (ok(g)) return g;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
const opened = Date.now();
await page.goto(url);
await until((g) => g > 0);
const first = Date.now() - opened;
const times = [];
for (let i = 0; i < saves; i++) {
  const before = await generation();
  const started = Date.now();
  writeFileSync(plan, i % 2 === 0 ? text.replace('title: ', 'title: 新') : text);
  await until((g) => g > before);
  times.push(Date.now() - started);
}
await browser.close();
server.kill('SIGINT');
rmSync(work, { recursive: true, force: true });
times.sort((a, b) => a - b);
console.log(JSON.stringify({ first, median: times[times.length >> 1], max: times.at(-1) }));
