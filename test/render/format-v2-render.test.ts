/**
 * The format-v2 example (a 要点 issued under a 印发通知, run-in （一） items, joint units, the task
 * table) rendered by LibreOffice: the notice is a page of its own, the plan starts a new page, every
 * full text page of the plan holds 22 grid lines, and no page holds only its page number.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { MM, type PdfPage, baselines, bodyLines, isLandscape, measurePdf, pageNumberLine, renderPdf, renderUnavailable, shortPageReason } from './render.js';

const PLAN = path.join(ROOT, 'plans', '2026-全区统一战线工作要点.yaml');
const LINE_PITCH = (225 * MM) / 22;
const why = renderUnavailable();
const text = (page: PdfPage) => bodyLines(page).map((l) => l.text.replace(/\s/g, '')).join('');
const rowsOf = (page: PdfPage) => {
  const ys = baselines(bodyLines(page));
  return Math.round((ys[ys.length - 1]! - ys[0]!) / LINE_PITCH) + 1;
};

describe.skipIf(why !== undefined)('the 印发通知 example rendered by LibreOffice', () => {
  let pages: PdfPage[];
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-render-v2-'));
    const out = path.join(dir, 'notice.docx');
    const r = runCli(['build', PLAN, '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    pages = measurePdf(renderPdf(out, dir));
  });

  it('puts the notice with its 署名 and date on page 1, and starts the plan under its own title on page 2', () => {
    expect(text(pages[0]!)).toContain('关于印发《2026年全区统一战线工作要点》的通知');
    expect(text(pages[0]!)).toContain('2026年2月16日');
    expect(bodyLines(pages[1]!)[0]!.text.replace(/\s/g, '')).toBe('2026年全区统一战线工作要点');
    expect(text(pages[1]!)).toContain('（一）加强政治引领和思想共识。');
  });

  it('fills 22 grid lines on every full text page of the plan', () => {
    const attachment = pages.findIndex((p) => isLandscape(p));
    const plan = pages.slice(1, attachment);
    expect(plan.length).toBeGreaterThan(2);
    // The last page of the plan holds its closing text and the 附件说明: it may be short; another
    // page only where widow/orphan control or a heading moved lines on (as Word and WPS do).
    plan.slice(0, -1).forEach((page, i) => {
      const reason = rowsOf(page) === 22 ? 'full' : shortPageReason(page, plan[i + 1]!);
      expect(reason, `plan page ${i + 1}: ${rowsOf(page)} rows`).toBeDefined();
    });
  });

  it('has no page that holds only its page number (a blank page before the 版记 carries neither)', () => {
    pages.forEach((page, i) => {
      if (bodyLines(page).length === 0) expect(pageNumberLine(page), `page ${i + 1} holds only its number`).toBeUndefined();
    });
  });
});

describe.skipIf(why !== undefined)('the 总结和打算 example rendered by LibreOffice', () => {
  let pages: PdfPage[];
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-render-summary-'));
    const out = path.join(dir, 'summary.docx');
    const r = runCli(['build', path.join(ROOT, 'plans', '2025-工作总结和2026年工作打算.yaml'), '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    pages = measurePdf(renderPdf(out, dir));
  });

  it('fills 22 grid lines on every page but the last, and no page holds only its number', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.slice(0, -1).forEach((page, i) => {
      // Short only where a heading keeps with its text or widow/orphan control moved lines, as Word does.
      const reason = rowsOf(page) === 22 ? 'full' : shortPageReason(page, pages[i + 1]!);
      expect(reason, `page ${i + 1}: ${rowsOf(page)} rows`).toBeDefined();
    });
    for (const page of pages) expect(bodyLines(page).length).toBeGreaterThan(0);
  });

  it('runs （一） in with its 一是……二是…… points', () => {
    const all = pages.map(text).join('');
    expect(all).toContain('（一）思想政治引领更加有力。一是分领域举办党外代表人士理论研修班三期');
    expect(all).toContain('二、存在的问题和不足');
  });
});

describe.skipIf(why !== undefined)('the 繁体 交流发言 example rendered by LibreOffice', () => {
  it('sets its text and the tool’s words in 繁体 on the 22-line grid, with no page holding only its number', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-render-hant-'));
    const out = path.join(dir, 'speech.docx');
    const r = runCli(['build', path.join(ROOT, 'plans', '2025-港澳青年交流發言.yaml'), '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    const pages = measurePdf(renderPdf(out, dir));
    const all = pages.map(text).join('');
    expect(all).toContain('尊敬的各位領導，同志們：');
    expect(all).toContain('彙報完畢，謝謝大家！');
    pages.slice(0, -1).forEach((page, i) => expect(rowsOf(page) === 22 ? 'full' : shortPageReason(page, pages[i + 1]!), `page ${i + 1}`).toBeDefined());
    for (const page of pages) expect(bodyLines(page).length).toBeGreaterThan(0);
  });
});
