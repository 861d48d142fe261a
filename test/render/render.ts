/**
 * Real-client render checks: LibreOffice converts a .docx to PDF, pdfminer reads the lines back.
 * Both are optional on a developer's machine; the checks skip with a message when they are absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const MM = 72 / 25.4;

export interface PdfLine {
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  text: string;
  size: number | null;
  /** Fill colour of most of the line's characters, #RRGGBB. */
  color: string | null;
}
export interface PdfRule {
  top: number;
  x0: number;
  x1: number;
  width: number;
  color: string | null;
}
export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
  rules: PdfRule[];
}

export const isLandscape = (page: PdfPage) => page.width > page.height;

function has(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore', timeout: 60_000 }).status === 0;
}

/** Debian's python3-pdfminer lives with the system Python, which a pyenv shim may hide. */
function pythonWithPdfminer(): string {
  for (const python of ['/usr/bin/python3', 'python3']) {
    if (has(python, ['-c', 'import pdfminer'])) return python;
  }
  throw new Error('soffice 已安装但找不到 pdfminer：请 apt-get install python3-pdfminer');
}

/** Why the render checks cannot run here, or undefined when they can. Only a missing soffice skips. */
export function renderUnavailable(): string | undefined {
  if (!has('soffice', ['--version'])) return '未找到 soffice（apt-get install libreoffice-writer-nogui），跳过 LibreOffice 渲染检查';
  return undefined;
}

/**
 * Converts with a throw-away LibreOffice profile so parallel or stale profiles never interfere.
 * `filter` is soffice's --convert-to argument; returns the converted file, which must exist.
 */
export function convertWithLibreOffice(file: string, filter: string, outDir: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'wp-lo-'));
  const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${filter.split(':')[0]}`);
  try {
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, file], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    // soffice exits 0 when it cannot load the file (say, Calc is not installed): look for the output.
    if (r.status !== 0 || !existsSync(out)) {
      const hint = /\.xlsx$/.test(file) ? '（读 .xlsx 需要 apt-get install libreoffice-calc-nogui）' : '';
      throw new Error(`soffice 转换失败${hint}：${r.stderr}`);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}

export function renderPdf(docx: string, outDir: string): string {
  return convertWithLibreOffice(docx, 'pdf', outDir);
}

export function measurePdf(pdf: string): PdfPage[] {
  const r = spawnSync(pythonWithPdfminer(), [path.join(HERE, 'measure_pdf.py'), pdf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`measure_pdf.py 失败：${r.stderr}`);
  return JSON.parse(r.stdout) as PdfPage[];
}

const PAGE_NUMBER = /^[—–-]\s*(\d+)\s*[—–-]$/;

export function pageNumberLine(page: PdfPage): PdfLine | undefined {
  return page.lines.find((l) => PAGE_NUMBER.test(l.text.replace(/\s/g, '')));
}

export function bodyLines(page: PdfPage): PdfLine[] {
  const number = pageNumberLine(page);
  return page.lines.filter((l) => l !== number);
}

/** Distinct baselines: a line pdfminer splits in two still counts once. */
export function baselines(lines: PdfLine[]): number[] {
  const ys = [...new Set(lines.map((l) => Math.round(l.bottom)))].sort((a, b) => a - b);
  return ys.filter((y, i) => i === 0 || y - ys[i - 1]! > 2);
}

/** Characters on a line, with the spaces pdfminer inserts between spaced glyphs removed. */
export function charCount(line: PdfLine): number {
  return [...line.text.replace(/\s/g, '')].length;
}

/**
 * Widths, in full-width characters, of the lines that span the type area (start at the 28 mm
 * margin, end at the 26 mm one or hang punctuation past it). Lines with half-width characters
 * (digits, Latin) are kept apart: justification spreads their last half cell.
 */
export function fullLineWidths(pages: PdfPage[], width: (text: string) => number): { pure: number[]; mixed: number[] } {
  const pure: number[] = [];
  const mixed: number[] = [];
  for (const page of pages) {
    for (const l of bodyLines(page)) {
      const flushLeft = Math.abs(l.x0 / MM - 28) < 1;
      const reachesRight = (page.width - l.x1) / MM < 26 + 1.5;
      if (!flushLeft || !reachesRight) continue;
      const t = l.text.replace(/\s/g, '');
      (/[\x21-\x7e]/.test(t) ? mixed : pure).push(width(t));
    }
  }
  return { pure, mixed };
}

/** Full lines hold 28 characters; line-start and hanging-punctuation rules allow 27 to 29. */
export function expectTwentyEightPerLine(
  pages: PdfPage[],
  width: (text: string) => number,
  expect: (v: unknown, m?: string) => { toBeGreaterThan(n: number): void; toBeGreaterThanOrEqual(n: number): void; toBeLessThanOrEqual(n: number): void },
  minimumLines: number,
): void {
  const { pure, mixed } = fullLineWidths(pages, width);
  // Guards against measuring nothing: the document must have this many full lines of Chinese.
  expect(pure.length, 'full lines of Chinese text').toBeGreaterThanOrEqual(minimumLines);
  expect(pure.filter((w) => w === 28).length / pure.length, `widths ${pure.join(',')}`).toBeGreaterThan(0.85);
  for (const w of pure) {
    expect(w).toBeGreaterThanOrEqual(27);
    expect(w).toBeLessThanOrEqual(29);
  }
  // LibreOffice adds Chinese–Western spacing around digits whatever autoSpaceDE/DN say (Word
  // honours them), so a line with figures may hold up to a cell less.
  for (const w of mixed) {
    expect(w).toBeGreaterThanOrEqual(26);
    expect(w).toBeLessThanOrEqual(29);
  }
}
