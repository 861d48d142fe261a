#!/usr/bin/env node
/**
 * npm run pages: every example document, page by page, for a person to look at.
 * Builds each example (opinion framed and plain, the speeches, the task table as .docx and .xlsx),
 * prints it through LibreOffice (Writer or Calc) to PDF, renders every page to PNG under
 * out/pages/<doc>/ with pdftoppm, and writes one contact sheet per document, out/pages/<doc>.png,
 * its pages side by side. `--docs` also writes the README's previews into docs/.
 * Needs soffice and pdftoppm; no npm dependency (the sheet is composed from PPM and written with zlib).
 * scripts/fonts.conf shows the GB fonts in the closest free faces, as the previews always have.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'out', 'pages');
const OPINION = 'plans/2025-工作安排意见.yaml';
const SPEECH = 'plans/2025-新阶层工作交流发言.yaml';
/** soffice's PDF export, keeping the blank pages a printer would print (JSON filter options, LibreOffice ≥ 7.4). */
const PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';
/** Widest contact sheet, pixels: five portrait pages at 30 dpi. */
const SHEET_WIDTH = 1400;

/** Every example build: name, plan, build arguments, output extension. */
const DOCUMENTS = [
  { name: 'opinion-frame', plan: OPINION, args: [], ext: 'docx' },
  { name: 'opinion', plan: OPINION, args: ['--letterhead', 'none'], ext: 'docx' },
  { name: 'speech', plan: OPINION, args: ['--doc', 'speech'], ext: 'docx' },
  { name: 'speech-standalone', plan: SPEECH, args: [], ext: 'docx' },
  { name: 'tasks', plan: OPINION, args: ['--doc', 'tasks', '--to', 'docx'], ext: 'docx' },
  { name: 'tasks-xlsx', plan: OPINION, args: ['--doc', 'tasks', '--to', 'xlsx'], ext: 'xlsx' },
  // Format v2 examples: a 要点 under a 印发通知, a 总结和打算, a 繁体 交流发言.
  { name: 'notice', plan: 'plans/2026-全区统一战线工作要点.yaml', args: [], ext: 'docx' },
  { name: 'summary', plan: 'plans/2025-工作总结和2026年工作打算.yaml', args: [], ext: 'docx' },
  { name: 'speech-hant', plan: 'plans/2025-港澳青年交流發言.yaml', args: [], ext: 'docx' },
  // The 2025 speech written by hand, its figures referenced from the plan (figures:).
  { name: 'speech-authored', plan: 'plans/2025-汇报发言.yaml', args: [], ext: 'docx' },
];

/** README previews: docs/<name>.png ← page <page> of <doc>. */
const PREVIEWS = [
  { name: 'opinion-1', doc: 'opinion-frame', page: 1 },
  { name: 'opinion-2', doc: 'opinion-frame', page: 2 },
  { name: 'opinion-attachment', doc: 'opinion-frame', page: 'first-landscape' },
  { name: 'opinion-imprint', doc: 'opinion-frame', page: 'last' },
  { name: 'speech-1', doc: 'speech', page: 1 },
];

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (r.error || r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} 失败：${r.error?.message ?? r.stderr}`);
  }
  return r;
}

function need(cmd, hint) {
  if (spawnSync(cmd, ['--version'], { stdio: 'ignore' }).error) throw new Error(`找不到 ${cmd}：${hint}`);
}

/** Reads a binary PPM (P6) as written by pdftoppm. */
function readPpm(buffer) {
  let at = 0;
  const token = () => {
    while (/\s/.test(String.fromCharCode(buffer[at]))) at++;
    const start = at;
    while (!/\s/.test(String.fromCharCode(buffer[at]))) at++;
    return buffer.toString('latin1', start, at);
  };
  if (token() !== 'P6') throw new Error('不是 P6 格式的 PPM');
  const width = Number(token());
  const height = Number(token());
  token(); // maxval, 255
  return { width, height, data: buffer.subarray(at + 1, at + 1 + width * height * 3) };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** An RGB image as PNG bytes. */
function encodePng({ width, height, data }) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) data.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Pages side by side on a grey ground, in rows at most `maxWidth` pixels wide; each page keeps its
 * shape (portrait or landscape), top-aligned in its row, with a thin dark frame so white pages stand out.
 */
function contactSheet(pages, maxWidth) {
  const gap = 12;
  const rows = [[]];
  let used = gap;
  for (const page of pages) {
    if (rows[rows.length - 1].length && used + page.width + gap > maxWidth) {
      rows.push([]);
      used = gap;
    }
    rows[rows.length - 1].push(page);
    used += page.width + gap;
  }
  const rowWidth = (row) => row.reduce((w, p) => w + p.width + gap, gap);
  const rowHeight = (row) => Math.max(...row.map((p) => p.height));
  const width = Math.max(...rows.map(rowWidth));
  const height = rows.reduce((h, row) => h + rowHeight(row) + gap, gap);
  const data = Buffer.alloc(width * height * 3, 0x9a);
  let y0 = gap;
  for (const row of rows) {
    let x0 = gap;
    for (const page of row) {
      for (let y = -1; y <= page.height; y++) {
        for (let x = -1; x <= page.width; x++) {
          const to = ((y0 + y) * width + x0 + x) * 3;
          if (y < 0 || x < 0 || y === page.height || x === page.width) data.fill(0x40, to, to + 3);
          else page.data.copy(data, to, (y * page.width + x) * 3, (y * page.width + x + 1) * 3);
        }
      }
      x0 += page.width + gap;
    }
    y0 += rowHeight(row) + gap;
  }
  return { width, height, data };
}

function main() {
  const copyDocs = process.argv.includes('--docs');
  need('soffice', 'apt-get install libreoffice-writer-nogui libreoffice-calc-nogui');
  need('pdftoppm', 'apt-get install poppler-utils');
  if (!existsSync(path.join(ROOT, 'dist'))) throw new Error('请先 npm run build');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'wp-pages-'));
  try {
    const built = DOCUMENTS.map(({ name, plan, args, ext }) => {
      const file = path.join(work, `${name}.${ext}`);
      run(process.execPath, [path.join(ROOT, 'bin', 'workplan.js'), 'build', plan, ...args, '-o', file], { cwd: ROOT });
      return file;
    });
    // One soffice run for all: Writer prints the .docx, Calc the .xlsx (its print ranges and titles).
    // Blank pages stay in (IsSkipEmptyPages off): the page before an even-page 版记 is printed too.
    run('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', PDF_FILTER, '--outdir', work, ...built], {
      env: { ...process.env, FONTCONFIG_FILE: path.join(ROOT, 'scripts', 'fonts.conf') },
    });
    const summary = [];
    for (const { name } of DOCUMENTS) {
      const pdf = path.join(work, `${name}.pdf`);
      if (!existsSync(pdf)) throw new Error(`LibreOffice 没有生成 ${name}.pdf（.xlsx 需要 libreoffice-calc-nogui）`);
      const dir = path.join(OUT, name);
      mkdirSync(dir, { recursive: true });
      copyFileSync(pdf, path.join(OUT, `${name}.pdf`));
      run('pdftoppm', ['-r', '60', '-png', pdf, path.join(dir, 'page')]);
      run('pdftoppm', ['-r', '30', pdf, path.join(work, `${name}-small`)]);
      const small = readdirSync(work)
        .filter((f) => f.startsWith(`${name}-small-`) && f.endsWith('.ppm'))
        .sort((a, b) => Number(/(\d+)\.ppm$/.exec(a)[1]) - Number(/(\d+)\.ppm$/.exec(b)[1]))
        .map((f) => readPpm(readFileSync(path.join(work, f))));
      writeFileSync(path.join(OUT, `${name}.png`), encodePng(contactSheet(small, SHEET_WIDTH)));
      summary.push(`${name}: ${small.length} 页 → out/pages/${name}.png`);
    }
    if (copyDocs) {
      for (const { name, doc, page } of PREVIEWS) {
        const files = readdirSync(path.join(OUT, doc)).sort();
        const pdf = path.join(work, `${doc}.pdf`);
        const n =
          page === 'last'
            ? files.length
            : page === 'first-landscape'
              ? 1 + files.findIndex((f) => landscape(readFileSync(path.join(OUT, doc, f))))
              : page;
        run('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', String(n), '-l', String(n), pdf, path.join(ROOT, 'docs', name)]);
        summary.push(`docs/${name}.png ← ${doc} 第 ${n} 页`);
      }
    }
    console.log(summary.join('\n'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A PNG page is landscape when its IHDR width exceeds its height. */
function landscape(png) {
  return png.readUInt32BE(16) > png.readUInt32BE(20);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
