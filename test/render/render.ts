/**
 * Real-client render checks: LibreOffice converts a .docx to PDF, pdfminer reads the lines back.
 * Both are optional on a developer's machine; the checks skip with a message when they are absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDF_FILTER } from '../../src/system/convert-pdf.js';

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
  /** Text turned a quarter clockwise, read top to bottom (a landscape page's page number). */
  rotated?: boolean;
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
  /** Vertical rules: table column borders. */
  uprights: { x: number; top: number; bottom: number }[];
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
  return convertAllWithLibreOffice([file], filter, outDir)[0]!;
}

/** Several files in one soffice run (it starts once): the converted files, in order. */
export function convertAllWithLibreOffice(files: readonly string[], filter: string, outDir: string): string[] {
  const profile = mkdtempSync(path.join(tmpdir(), 'wp-lo-'));
  const outs = files.map((file) => path.join(outDir, `${path.basename(file, path.extname(file))}.${filter.split(':')[0]}`));
  try {
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, ...files], {
      encoding: 'utf8',
      timeout: 180_000 * files.length,
    });
    // soffice exits 0 when it cannot load a file (say, Calc is not installed): look for the output.
    const missing = files.filter((_, i) => !existsSync(outs[i]!));
    if (r.status !== 0 || missing.length) {
      const hint = missing.some((f) => /\.xlsx$/.test(f)) ? '（读 .xlsx 需要 apt-get install libreoffice-calc-nogui）' : '';
      throw new Error(`soffice 转换失败${hint}：${r.stderr}`);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return outs;
}

/**
 * Writer's PDF export keeping blank pages, as a printer prints them (LibreOffice drops the page an
 * even-page section start leaves blank unless told): JSON filter options, LibreOffice ≥ 7.4.
 */
/** The same LibreOffice export `build --to pdf` uses: blank pages kept. */
export const PDF_KEEPING_BLANK_PAGES = PDF_FILTER;

export function renderPdf(docx: string, outDir: string): string {
  return convertWithLibreOffice(docx, PDF_KEEPING_BLANK_PAGES, outDir);
}

export function renderPdfs(docxs: readonly string[], outDir: string): string[] {
  return convertAllWithLibreOffice(docxs, PDF_KEEPING_BLANK_PAGES, outDir);
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
export function fullLineWidths(pages: PdfPage[], width: (text: string) => number): { pure: number[]; mixed: number[]; tightened: number[] } {
  const pure: number[] = [];
  const mixed: number[] = [];
  const tightened: number[] = [];
  for (const page of pages) {
    const lines = bodyLines(page);
    lines.forEach((l, i) => {
      const flushLeft = Math.abs(l.x0 / MM - 28) < 1;
      const reachesRight = (page.width - l.x1) / MM < 26 + 1.5;
      if (!flushLeft || !reachesRight) return;
      const t = l.text.replace(/\s/g, '');
      // A figure keeps its unit (emit/docx/runs.ts): a line before one that starts with a figure
      // may end a cell or two short, the figure having moved down whole.
      const beforeFigure = /^[0-9]/.test(lines[i + 1]?.text.trim() ?? '');
      // A paragraph's last line that took up its last character (last-line.ts) holds one more.
      if (/[。！？]$/.test(t) && width(t) > 29) tightened.push(width(t));
      else (/[\x21-\x7e]/.test(t) || beforeFigure ? mixed : pure).push(width(t));
    });
  }
  return { pure, mixed, tightened };
}

/**
 * Full lines hold 28 characters; line-start and hanging-punctuation rules allow 27 to 29, and a
 * paragraph's last line, tightened to take up a character that would stand alone, 30 with its 。.
 */
export function expectTwentyEightPerLine(
  pages: PdfPage[],
  width: (text: string) => number,
  expect: (v: unknown, m?: string) => { toBeGreaterThan(n: number): void; toBeGreaterThanOrEqual(n: number): void; toBeLessThanOrEqual(n: number): void },
  minimumLines: number,
): void {
  const { pure, mixed, tightened } = fullLineWidths(pages, width);
  // Guards against measuring nothing: the document must have this many full lines of Chinese.
  expect(pure.length, 'full lines of Chinese text').toBeGreaterThanOrEqual(minimumLines);
  expect(pure.filter((w) => w === 28).length / pure.length, `widths ${pure.join(',')}`).toBeGreaterThan(0.85);
  for (const w of pure) {
    expect(w).toBeGreaterThanOrEqual(27);
    expect(w).toBeLessThanOrEqual(29);
  }
  for (const w of tightened) expect(w).toBeLessThanOrEqual(30);
  expect(tightened.length, 'tightened last lines').toBeLessThanOrEqual(Math.max(2, pure.length / 20));
  // LibreOffice adds Chinese–Western spacing before digits whatever autoSpaceDE/DN say (Word
  // honours them), so a line with figures, or before one, may hold up to two cells less.
  for (const w of mixed) {
    expect(w).toBeGreaterThanOrEqual(26);
    expect(w).toBeLessThanOrEqual(29);
  }
}

// ── pages of body text: rows, paragraphs, why a page may be short ─────────────────

/** Line pitch of the GB/T grid: 22 lines in 225 mm. */
export const LINE_PITCH = (225 * MM) / 22;
/** A body character's advance: 3号 condensed to put 28 in 156 mm. */
const CHAR_PT = 15.75;

export interface Row {
  top: number;
  x0: number;
  x1: number;
  text: string;
}

/** A page's body lines gathered by baseline (pdfminer may split a line at a change of font). */
export function rowsOf(page: PdfPage): Row[] {
  const rows: Row[] = [];
  for (const l of bodyLines(page).filter((l) => !l.rotated)) {
    const row = rows.find((r) => Math.abs(r.top - l.top) < 2);
    if (row) {
      row.x0 = Math.min(row.x0, l.x0);
      row.x1 = Math.max(row.x1, l.x1);
      row.text = l.x0 < row.x0 + 1 ? l.text + row.text : row.text + l.text;
    } else {
      rows.push({ top: l.top, x0: l.x0, x1: l.x1, text: l.text });
    }
  }
  return rows.sort((a, b) => a.top - b.top).map((r) => ({ ...r, text: r.text.replace(/\s/g, '') }));
}

/** Grid rows a page spans, from its first line to its last. */
export function gridRows(page: PdfPage): number {
  const ys = baselines(bodyLines(page).filter((l) => !l.rotated));
  return ys.length ? Math.round((ys[ys.length - 1]! - ys[0]!) / LINE_PITCH) + 1 : 0;
}

const indentOf = (row: Row) => (row.x0 - 28 * MM) / CHAR_PT;
const HEADING = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
/** A row that starts a paragraph or heading: indented two characters. */
export const startsParagraph = (row: Row) => Math.abs(indentOf(row) - 2) < 0.4;
/** A row that continues a paragraph: flush with the margin. */
export const continuesParagraph = (row: Row) => Math.abs(indentOf(row)) < 0.4;

/** Rows of the paragraph that begins at `rows[at]`: until the next start, heading or other line. */
function paragraphLength(rows: readonly Row[], at: number): number {
  let n = 1;
  while (at + n < rows.length && continuesParagraph(rows[at + n]!)) n++;
  return n;
}

/**
 * Why a page of body text may hold fewer than 22 lines, or undefined when it should have held 22.
 * Widow/orphan control (孤行控制, on in Word's, WPS's and our styles) keeps at least two lines of
 * a paragraph together at the foot and at the head of a page, and a heading goes with the first
 * two lines of its paragraph: when what starts the next page could not be split so, it moves whole.
 */
export function shortPageReason(page: PdfPage, next: PdfPage): string | undefined {
  const free = 22 - gridRows(page);
  if (free <= 0) return 'full';
  const rows = rowsOf(next);
  const first = rows[0];
  if (!first) return undefined;
  if (startsParagraph(first) && HEADING.test(first.text)) {
    const after = rows[1] && startsParagraph(rows[1]) && !HEADING.test(rows[1].text) ? paragraphLength(rows, 1) : 1;
    if (free < 1 + Math.min(2, after)) return `the heading “${first.text.slice(0, 8)}” keeps with its paragraph`;
    return undefined;
  }
  if (startsParagraph(first)) {
    const n = paragraphLength(rows, 0);
    if (free < 2 || (n < 4 && free < n)) return `the paragraph “${first.text.slice(0, 8)}” (${n} lines) cannot be split there`;
    return undefined;
  }
  if (continuesParagraph(first)) {
    // A widow moved: the paragraph's last line took one more along.
    if (free === 1 && paragraphLength(rows, 0) === 2) return 'widow control moved a line';
  }
  return undefined;
}
