/**
 * The 督办通报 and the 督办台账 of the 2025 example on 2025-09-30, opened by real clients: the .docx
 * keeps the GB/T grid (22 lines on every full text page before the table) under LibreOffice, and
 * the .xlsx read back by LibreOffice Calc has exactly the cells `status --format json` gives.
 * Skips only when soffice is absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { type PdfPage, bodyLines, convertWithLibreOffice, gridRows, measurePdf, renderPdf, renderUnavailable, shortPageReason } from './render.js';

const PLAN = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const why = renderUnavailable();
const text = (page: PdfPage) => bodyLines(page).map((l) => l.text.replace(/\s/g, '')).join('');

function readCsv(file: string): string[][] {
  const r = spawnSync('python3', ['-c', 'import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))))', file], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as string[][];
}

describe.skipIf(why !== undefined)('the 督办通报 and 督办台账 rendered by LibreOffice', () => {
  let dir: string;
  let pages: PdfPage[];
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'wp-render-status-'));
    const r = runCli(['status', PLAN, '--as-of', '2025-09-30', '--to', 'docx,xlsx', '-o', dir]);
    expect(r.status, r.stderr).toBe(0);
    pages = measurePdf(renderPdf(path.join(dir, '2025-工作安排意见-督办通报.docx'), dir));
  });

  it('starts with the title and the summary figures, and ends with the 署名 and date', () => {
    expect(text(pages[0]!)).toContain('关于2025年第三季度重点任务推进情况的通报');
    expect(text(pages[0]!)).toContain('已完成2项，正常推进6项');
    expect(text(pages[pages.length - 1]!)).toContain('2025年9月30日');
  });

  it('fills 22 grid lines on every full text page before the table', () => {
    const table = pages.findIndex((p) => text(p).includes('目标完成率'));
    expect(table).toBeGreaterThan(0);
    // Every page wholly before the one the table starts on is a full text page: 22 rows, or short
    // only where widow/orphan control or a heading moved lines on (as Word and WPS do).
    const prose = pages.slice(0, table);
    expect(prose.length).toBeGreaterThanOrEqual(2);
    prose.forEach((page, i) => {
      const reason = gridRows(page) === 22 ? 'full' : shortPageReason(page, pages[i + 1]!);
      expect(reason, `page ${i + 1}: ${gridRows(page)} rows`).toBeDefined();
    });
  });

  it('gives the ledger LibreOffice Calc reads back with the same cells as --format json', () => {
    const r = runCli(['status', PLAN, '--as-of', '2025-09-30', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const ledger = (JSON.parse(r.stdout) as { plans: { status: { ledger: { header: string[]; rows: string[][] } } }[] }).plans[0]!.status.ledger;
    const calc = convertWithLibreOffice(path.join(dir, '2025-工作安排意见-督办台账.xlsx'), 'csv:Text - txt - csv (StarCalc):44,34,76', mkdtempSync(path.join(dir, 'calc-')));
    expect(readCsv(calc)).toEqual([ledger.header, ...ledger.rows]);
    expect(ledger.rows).toHaveLength(19);
  });
});
