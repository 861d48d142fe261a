/**
 * build --to pdf: LibreOffice converts the .docx the same build made, and the PDF is written with
 * the other outputs as one set. Its page count must be the .docx's, as the same LibreOffice lays
 * the .docx out when converting it on its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { renderPdf, renderUnavailable } from './render.js';

const PLAN = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const hasPdfinfo = spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).status === 0;
const why = renderUnavailable() ?? (hasPdfinfo ? undefined : '未找到 pdfinfo（apt-get install poppler-utils），跳过 PDF 页数检查');
if (why) console.warn(`[render] ${why}`);

function pageCount(pdf: string): number {
  const r = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return Number(/^Pages:\s+(\d+)$/m.exec(r.stdout)?.[1]);
}

describe.skipIf(why !== undefined)('build --to pdf through LibreOffice', () => {
  it('writes the .docx and its PDF together, with as many pages as the .docx converted on its own', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'wp-pdf-'));
    const r = runCli(['build', PLAN, '--to', 'docx,pdf', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['2025-工作安排意见.docx', '2025-工作安排意见.pdf']);
    const pdf = path.join(out, '2025-工作安排意见.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const reference = renderPdf(path.join(out, '2025-工作安排意见.docx'), mkdtempSync(path.join(tmpdir(), 'wp-pdf-ref-')));
    const pages = pageCount(pdf);
    // The example plan runs over several pages, with its landscape task table attached.
    expect(pages).toBeGreaterThan(3);
    expect(pages).toBe(pageCount(reference));
  });

  it('converts several documents in one run, each to its own PDF', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'wp-pdf-'));
    const r = runCli(['build', path.join(ROOT, 'plans'), '--to', 'pdf', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    // One PDF per example plan, named after it.
    const plans = readdirSync(path.join(ROOT, 'plans')).filter((f) => f.endsWith('.yaml'));
    expect(readdirSync(out).sort()).toEqual(plans.map((f) => f.replace(/\.yaml$/, '.pdf')).sort());
    expect(pageCount(path.join(out, '2025-新阶层工作交流发言.pdf'))).toBeGreaterThan(0);
  });
});
