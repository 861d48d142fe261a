/**
 * The 重点任务分工表 as a .docx, rendered by LibreOffice: landscape pages numbered where GB/T 9704
 * §8 puts them, 序号 1…N, and column widths that follow the content (short columns never wrap, the
 * task column does not run to three lines while a date column stands half empty).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import type { Plan } from '../../src/plan/model.js';
import { allMeasures } from '../../src/plan/plan-walk.js';
import { ROOT, runCli } from '../helpers.js';
import { MM, type PdfLine, type PdfPage, baselines, isLandscape, measurePdf, pageNumberLine, renderPdf, renderUnavailable } from './render.js';

const PLAN = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const why = renderUnavailable();
const text = (l: { text: string }) => l.text.replace(/\s/g, '');

interface Cell {
  column: number;
  lines: PdfLine[];
}

/** The table on a page as rows of cells, from its rules and column borders. */
function cellsOf(page: PdfPage): Cell[][] {
  const xs = [...new Set(page.uprights.map((u) => Math.round(u.x)))].sort((a, b) => a - b).filter((x, i, all) => i === 0 || x - all[i - 1]! > 3);
  const ys = [...new Set(page.rules.filter((r) => r.x1 - r.x0 > 100 * MM).map((r) => Math.round(r.top)))].sort((a, b) => a - b);
  const lines = page.lines.filter((l) => l !== pageNumberLine(page));
  return ys.slice(1).map((bottom, r) =>
    xs.slice(1).map((right, c) => ({
      column: c,
      lines: lines.filter((l) => {
        const x = (l.x0 + l.x1) / 2;
        const y = (l.top + l.bottom) / 2;
        return x > xs[c]! && x < right && y > ys[r]! && y < bottom;
      }),
    })),
  );
}

describe.skipIf(why !== undefined)('the task table (.docx) rendered by LibreOffice', () => {
  let pages: PdfPage[];
  let tables: Cell[][][];
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-tasks-'));
    const out = path.join(dir, 'tasks.docx');
    const r = runCli(['build', PLAN, '--doc', 'tasks', '--to', 'docx', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    pages = measurePdf(renderPdf(out, dir));
    tables = pages.map(cellsOf);
  });

  it('lies landscape and numbers its pages where GB/T 9704 §8 says: as on the portrait pages, in the turned page’s left margin', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(isLandscape(page)).toBe(true);
      const n = pageNumberLine(page)!;
      expect(text(n)).toBe(`—${i + 1}—`);
      expect(n.rotated).toBe(true);
      expect(n.size).toBe(14);
      expect(35 - n.x1 / MM).toBeGreaterThan(5);
      expect(35 - n.x1 / MM).toBeLessThan(10);
      const oneChar = 14 / MM;
      if ((i + 1) % 2 === 1) expect(Math.abs(n.bottom / MM - (210 - 26 - oneChar))).toBeLessThan(1.5);
      else expect(Math.abs(n.top / MM - (28 + oneChar))).toBeLessThan(1.5);
    });
  });

  it('numbers its rows 1…N, as real 分工表 do, the header repeated on every page', () => {
    const plan = parsePlan('p.yaml', readFileSync(PLAN)).loaded!.plan as Plan;
    const numbers = tables.flatMap((rows) => rows.slice(1).map((cells) => cells[0]!.lines.map(text).join('')));
    expect(numbers).toEqual(allMeasures(plan).map((_, i) => String(i + 1)));
    for (const rows of tables) expect(rows[0]!.map((c) => c.lines.map(text).join(''))).toEqual(['序号', '工作任务', '牵头单位', '责任单位', '完成时限', '目标']);
  });

  it('sizes its columns by their content: none stands half empty, none leaves a lone character, dates wrap after the year or month', () => {
    const lineCount = (cell: Cell) => baselines(cell.lines).length;
    const say = (cell: Cell) => cell.lines.map(text).join('/');
    for (const rows of tables) {
      const page = rows[0]!;
      for (const cell of page) expect(lineCount(cell), `header ${say(cell)}`).toBe(1);
      // No column wider than its longest line needs, give or take a character (and the cell padding).
      const edges = [...new Set(pages[0]!.uprights.map((u) => Math.round(u.x)))].sort((a, b) => a - b);
      edges.slice(1).forEach((right, c) => {
        const widest = Math.max(...rows.map((cells) => Math.max(0, ...cells[c]!.lines.map((l) => l.x1 - l.x0))));
        expect((right - edges[c]! - 8 - widest) / 14, `column ${c + 1}`).toBeLessThan(1.6);
      });
      for (const cells of rows.slice(1)) {
        expect(lineCount(cells[0]!), say(cells[0]!)).toBe(1);
        for (const cell of cells) {
          const lines = cell.lines.map(text);
          // 区委统战/部, 2025年11月30日/前: a reader takes the lone character for a broken word.
          if (lines.length > 1) expect([...lines[lines.length - 1]!].length, say(cell)).toBeGreaterThan(1);
        }
        const due = cells[4]!.lines.map(text);
        if (due.length > 1) expect(due[0], say(cells[4]!)).toMatch(/[年月]$/);
        const lead = cells[2]!.lines.map(text).join('');
        if (!lead.includes('、') && lead.length <= 5) expect(lineCount(cells[2]!), lead).toBe(1);
      }
    }
  });
});
