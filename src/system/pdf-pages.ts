/**
 * A PDF's pages as PNG images, by poppler's pdftoppm: the preview shows the pages LibreOffice laid
 * out, so the line breaks on screen are the printed ones. In a folder of its own, removed after.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { findExecutable } from './find-executable.js';
import { UsageError } from '../usage-error.js';

export const PDFTOPPM_MISSING = '没有找到 pdftoppm（poppler），无法把页面转成图片：Debian/Ubuntu 上 apt-get install poppler-utils，macOS 上 brew install poppler';

export function findPdftoppm(): string | undefined {
  return findExecutable(['pdftoppm'], ['/usr/bin/pdftoppm', '/opt/homebrew/bin/pdftoppm', '/usr/local/bin/pdftoppm']);
}

/** pdfinfo comes with pdftoppm (poppler); it tells the page count, so the pages can be split between the cores. */
function findPdfinfo(pdftoppm: string): string | undefined {
  const beside = path.join(path.dirname(pdftoppm), process.platform === 'win32' ? 'pdfinfo.exe' : 'pdfinfo');
  return findExecutable(['pdfinfo'], [beside]);
}

/** Every page of `pdf`, in order, at `dpi` (96 is a page's width on a screen at 100 %). */
export async function renderPdfPages(pdf: Uint8Array, dpi = 96, pdftoppm = findPdftoppm()): Promise<Uint8Array[]> {
  if (!pdftoppm) throw new UsageError(PDFTOPPM_MISSING);
  const work = await mkdtemp(path.join(tmpdir(), 'workplan-pages-'));
  try {
    const input = path.join(work, 'document.pdf');
    await writeFile(input, pdf);
    // Encoding PNGs is most of the time: each core takes a run of pages.
    const count = await pageCount(input, pdftoppm);
    const parts = count ? Math.min(count, availableParallelism()) : 1;
    const ranges = count
      ? Array.from({ length: parts }, (_, i) => ['-f', String(Math.floor((i * count) / parts) + 1), '-l', String(Math.floor(((i + 1) * count) / parts))])
      : [[]];
    const runs = await Promise.all(ranges.map((range) => run(pdftoppm, ['-r', String(dpi), '-png', ...range, input, path.join(work, 'page')])));
    const failed = runs.find((r) => r.code !== 0);
    // page-1.png … page-10.png (or page-01.png): the number, not the name, gives the order.
    const pages = (await readdir(work))
      .filter((name) => /^page-\d+\.png$/.test(name))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    if (failed || pages.length === 0 || (count && pages.length !== count)) {
      const stderr = failed?.stderr.trim() ?? '';
      throw new UsageError(`pdftoppm 没能把 PDF 转成图片${stderr ? `：${stderr.split('\n').at(-1)}` : ''}`);
    }
    return Promise.all(pages.map((name) => readFile(path.join(work, name))));
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function pageCount(pdf: string, pdftoppm: string): Promise<number | undefined> {
  const pdfinfo = findPdfinfo(pdftoppm);
  if (!pdfinfo) return undefined;
  const { code, stdout } = await run(pdfinfo, [pdf]);
  const pages = /^Pages:\s+(\d+)/m.exec(stdout);
  return code === 0 && pages ? Number(pages[1]) : undefined;
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
