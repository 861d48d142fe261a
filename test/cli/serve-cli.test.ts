/**
 * `workplan serve` in a real browser: Debian's chromium driven by puppeteer-core opens the page,
 * sees one image per page of the PDF the build makes, sees the pages change after a save, keeps
 * them when the plan breaks, and loads nothing from anywhere but the server. The screenshots are
 * kept in the test's folder (printed) for a person to look at.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers.js';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const tools = spawnSync('sh', ['-c', 'command -v soffice && command -v pdftoppm && command -v pdfinfo'], { encoding: 'utf8' }).status === 0;
const ready = chromium !== undefined && tools;

const PLAN = path.join(ROOT, 'plans', '2026-工作安排意见.yaml');

// Original text added by the "save": enough new measures that the document grows by pages.
function longerPlan(text: string): string {
  const measures = Array.from(
    { length: 24 },
    (_, i) => `      - title: 推进第${i + 1}批基层统战工作站点提质
        text: 对照站点建设标准逐项查找短板，完善议事协商、联系服务和学习交流三项制度，由街道统战委员牵头每季度开展一次现场评估，评估结果向社会公开并作为年度考核的重要依据。
`,
  ).join('');
  return text.replace(/^sections:\n/m, `sections:\n  - title: 夯实基层统战工作基础\n    measures:\n${measures}`);
}

let work: string;
let server: ChildProcess;
let url: string;
let browser: Browser;
let page: Page;
const foreign: string[] = [];
const log: string[] = [];

function pdfPages(plan: string): number {
  const out = path.join(work, 'pdf');
  const built = runCli(['build', plan, '--to', 'pdf', '-o', out], { cwd: work });
  expect(built.status, built.stderr).toBe(0);
  const info = spawnSync('pdfinfo', [path.join(out, `${path.basename(plan, '.yaml')}.pdf`)], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info.stdout)![1]);
}

async function shown(): Promise<{ generation: number; images: number; status: string }> {
  return page.evaluate(() => ({
    generation: Number(document.getElementById('pages')!.dataset.generation),
    images: document.querySelectorAll('#pages img').length,
    status: document.getElementById('status')!.textContent ?? '',
  }));
}

async function until<T>(what: () => Promise<T>, ok: (value: T) => boolean, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`等待超时：${JSON.stringify(value)}\n${log.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!ready)('workplan serve in a real browser', () => {
  const plan = () => path.join(work, 'plans', '2026-工作安排意见.yaml');

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'wp-serve-'));
    mkdirSync(path.join(work, 'plans'));
    copyFileSync(PLAN, plan());
    server = spawn(process.execPath, [BIN, 'serve', 'plans'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (found) resolve(found[0]);
      });
      server.once('exit', (code) => reject(new Error(`serve 退出了（${code}）：${log.join('')}`)));
    });
    browser = await puppeteer.launch({ executablePath: chromium!, args: ['--no-sandbox', '--disable-gpu'], headless: true });
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    page.on('request', (r) => {
      if (!r.url().startsWith(url)) foreign.push(r.url());
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGINT');
    if (server && server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve));
    expect(server.exitCode).toBe(0);
    rmSync(work, { recursive: true, force: true });
  });

  it('shows as many page images as the PDF has pages, beside the problems, loading nothing from elsewhere', async () => {
    const expected = pdfPages(plan());
    await page.goto(url);
    const first = await until(shown, (s) => s.images > 0);
    expect(first.images).toBe(expected);
    expect(first.status).toMatch(new RegExp(`共 ${expected} 页`));
    const problems = await page.$eval('#problems-title', (e) => e.textContent);
    expect(problems).toBe('没有发现问题');
    const size = await page.$eval('#pages img', (img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]);
    // An A4 page, portrait: 210 × 297.
    expect(size[1]! / size[0]!).toBeCloseTo(297 / 210, 1);
    await page.screenshot({ path: path.join(tmpdir(), 'workplan-serve-1.png') });
    console.log(`截图：${path.join(tmpdir(), 'workplan-serve-1.png')}`);
    expect(foreign).toEqual([]);
  });

  it('after a save, new pages replace the old ones; a broken plan keeps the last pages and says why', async () => {
    const before = await shown();
    const text = readFileSync(plan(), 'utf8');
    writeFileSync(plan(), longerPlan(text));
    const expected = pdfPages(plan());
    const after = await until(shown, (s) => s.generation > before.generation);
    expect(after.images).toBe(expected);
    expect(after.images).toBeGreaterThan(before.images);
    await page.screenshot({ path: path.join(tmpdir(), 'workplan-serve-2.png') });

    // A save that breaks the YAML: the pages stay, the status and the problems say what is wrong.
    writeFileSync(plan(), longerPlan(text).replace('title: 夯实基层统战工作基础', 'title: "夯实基层统战工作基础'));
    const broken = await until(shown, (s) => s.status.startsWith('排版失败'));
    expect(broken.images).toBe(after.images);
    expect(broken.generation).toBe(after.generation);
    const listed = await page.$$eval('#problems li', (items) => items.map((li) => li.textContent ?? ''));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.join('\n')).toMatch(/yaml-syntax/);
    await page.screenshot({ path: path.join(tmpdir(), 'workplan-serve-3.png') });
    expect(foreign).toEqual([]);
  });

  it('answers only requests addressed to 127.0.0.1', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const r = request(url, { headers: { host: 'attacker.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      r.on('error', reject);
      r.end();
    });
    expect(status).toBe(421);
  });
});
