/**
 * The example plan's 工作安排意见, opened by real clients: LibreOffice renders it (geometry per
 * GB/T 9704), pandoc reads it back (content and order). Skips only when the tools are absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import type { Plan, Section } from '../../src/plan/model.js';
import { visualWidth } from '../../src/text/width.js';
import { ROOT, runCli } from '../helpers.js';
import { MM, type PdfPage, baselines, bodyLines, expectTwentyEightPerLine, measurePdf, pageNumberLine, renderPdf, renderUnavailable } from './render.js';

const PLAN = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const LINE_PITCH = (225 * MM) / 22;
const why = renderUnavailable();
if (why) console.warn(`[render] ${why}`);

function buildExample(dir: string): string {
  const out = path.join(dir, 'opinion.docx');
  const r = runCli(['build', PLAN, '-o', out]);
  expect(r.status, r.stderr).toBe(0);
  return out;
}

describe.skipIf(why !== undefined)('opinion rendered by LibreOffice', () => {
  let pages: PdfPage[];
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-render-'));
    pages = measurePdf(renderPdf(buildExample(dir), dir));
  });

  it('is A4 throughout and has more than one page', () => {
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) {
      expect(Math.abs(p.width / MM - 210)).toBeLessThan(1);
      expect(Math.abs(p.height / MM - 297)).toBeLessThan(1);
    }
  });

  it('fills 22 grid lines on every page but the last (21 only before a heading)', () => {
    pages.slice(0, -1).forEach((page, i) => {
      const ys = baselines(bodyLines(page));
      const rows = Math.round((ys[ys.length - 1]! - ys[0]!) / LINE_PITCH) + 1;
      const next = bodyLines(pages[i + 1]!)[0]!.text;
      const headingMoved = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(next);
      expect(rows === 22 || (rows === 21 && headingMoved), `page ${i + 1}: ${rows} rows, next starts “${next.slice(0, 8)}”`).toBe(true);
      // Every row but the blank under the title carries text.
      expect(ys.length).toBeGreaterThanOrEqual(i === 0 ? rows - 1 : rows);
    });
  });

  it('puts 28 characters on a full line and starts text 28 mm from the left edge', () => {
    for (const page of pages) {
      const left = Math.min(...bodyLines(page).map((l) => l.x0)) / MM;
      expect(left).toBeGreaterThan(27);
      expect(left).toBeLessThan(29);
    }
    expectTwentyEightPerLine(pages, visualWidth, expect, 20);
  });

  it('numbers pages “— N —” at 14 pt, outside: odd on the right and even on the left, one character in', () => {
    pages.forEach((page, i) => {
      const n = pageNumberLine(page);
      expect(n, `page ${i + 1}`).toBeDefined();
      expect(n!.text.replace(/\s/g, '')).toBe(`—${i + 1}—`);
      expect(n!.size).toBe(14);
      const oneChar = 14 / MM;
      if ((i + 1) % 2 === 1) expect(Math.abs((page.width - n!.x1) / MM - (26 + oneChar))).toBeLessThan(1.5);
      else expect(Math.abs(n!.x0 / MM - (28 + oneChar))).toBeLessThan(1.5);
      // 7 mm below the type area (its bottom is 262 mm from the top edge).
      expect(n!.top / MM).toBeGreaterThan(262 + 5);
      expect(n!.top / MM).toBeLessThan(262 + 10);
    });
  });

  it('sets the body in 16 pt and the title in 22 pt', () => {
    const [title, ...rest] = bodyLines(pages[0]!);
    expect(title!.size).toBe(22);
    expect(title!.text.replace(/\s/g, '')).toBe('2025年全区统一战线工作安排意见');
    const sizes = new Set(rest.concat(...pages.slice(1).map(bodyLines)).map((l) => l.size));
    expect([...sizes]).toEqual([16]);
  });

  it('places the 署名 and date at the right, the date shifted right of the 署名', () => {
    const last = bodyLines(pages[pages.length - 1]!);
    const date = last[last.length - 1]!;
    const signature = last[last.length - 2]!;
    expect(signature.text.replace(/\s/g, '')).toBe('中共澄湖区委统战部');
    expect(date.text.replace(/\s/g, '')).toBe('2025年1月10日');
    const right = (l: { x1: number }) => (210 * MM - l.x1) / MM;
    // 署名 2 characters from the right margin (26 mm + 2 × 5.6 mm).
    expect(Math.abs(right(signature) - (26 + (2 * 15.75) / MM))).toBeLessThan(1.5);
    expect(date.x0 - signature.x0).toBeGreaterThan(1.5 * 15);
  });
});

const hasPandoc = spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasPandoc) console.warn('[render] 未找到 pandoc，跳过独立读取检查');

describe.skipIf(!hasPandoc)('opinion read back by pandoc', () => {
  it('contains every section title, measure title and measure text, in order', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-pandoc-'));
    const docx = buildExample(dir);
    const text = spawnSync('pandoc', ['--wrap=none', '-t', 'plain', docx], { encoding: 'utf8' }).stdout;
    const { loaded } = await loadPlanFile(PLAN);
    const expected: string[] = [];
    const walk = (sections: Section[]) => {
      for (const s of sections) {
        expected.push(s.title);
        walk(s.sections ?? []);
        for (const m of s.measures ?? []) expected.push(m.title, ...(m.text ? [m.text.trim()] : []));
      }
    };
    walk((loaded!.plan as Plan).sections);
    expect(expected.length).toBeGreaterThan(40);
    let at = 0;
    for (const piece of expected) {
      const found = text.indexOf(piece, at);
      expect(found, `“${piece.slice(0, 12)}…” missing or out of order`).toBeGreaterThanOrEqual(0);
      at = found + piece.length;
    }
  });
});
