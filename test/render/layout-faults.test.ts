/**
 * Issue 15, “no page a 文秘 would send back”: every example build, rendered by LibreOffice page by
 * page (as `npm run pages` shows them), free of the faults found on its contact sheets. Each check
 * names the fault it guards against. Skips only when soffice is absent.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import {
  MM,
  type PdfLine,
  type PdfPage,
  bodyLines,
  convertWithLibreOffice,
  isLandscape,
  measurePdf,
  pageNumberLine,
  renderPdfs,
  renderUnavailable,
  rowsOf,
} from './render.js';

const OPINION = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const SPEECH = path.join(ROOT, 'plans', '2025-新阶层工作交流发言.yaml');
const why = renderUnavailable();

/** The example builds of `npm run pages`. */
const EXAMPLES = [
  { name: 'opinion-frame', plan: OPINION, args: [] },
  { name: 'opinion', plan: OPINION, args: ['--letterhead', 'none'] },
  { name: 'speech', plan: OPINION, args: ['--doc', 'speech'] },
  { name: 'speech-standalone', plan: SPEECH, args: [] },
  { name: 'tasks', plan: OPINION, args: ['--doc', 'tasks', '--to', 'docx'] },
  // Format v2: a 要点 under a 印发通知 (with its task table), a 总结和打算, a 繁体 交流发言.
  { name: 'notice', plan: path.join(ROOT, 'plans', '2026-全区统一战线工作要点.yaml'), args: [] },
  { name: 'summary', plan: path.join(ROOT, 'plans', '2025-工作总结和2026年工作打算.yaml'), args: [] },
  { name: 'speech-hant', plan: path.join(ROOT, 'plans', '2025-港澳青年交流發言.yaml'), args: [] },
  // The 2025 speech written by hand, its figures referenced from the plan.
  { name: 'speech-authored', plan: path.join(ROOT, 'plans', '2025-汇报发言.yaml'), args: [] },
] as const;
type Name = (typeof EXAMPLES)[number]['name'] | 'tasks-xlsx';

const text = (l: { text: string }) => l.text.replace(/\s/g, '');

describe.skipIf(why !== undefined)('every example build, page by page (issue 15)', () => {
  const docs = new Map<Name, PdfPage[]>();
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-faults-'));
    const files = EXAMPLES.map(({ name, plan, args }) => {
      const out = path.join(dir, `${name}.docx`);
      const r = runCli(['build', plan, ...args, '-o', out]);
      expect(r.status, r.stderr).toBe(0);
      return out;
    });
    renderPdfs(files, dir).forEach((pdf, i) => docs.set(EXAMPLES[i]!.name, measurePdf(pdf)));
    const xlsx = path.join(dir, 'tasks-xlsx.xlsx');
    expect(runCli(['build', OPINION, '--doc', 'tasks', '--to', 'xlsx', '-o', xlsx]).status).toBe(0);
    docs.set('tasks-xlsx', measurePdf(convertWithLibreOffice(xlsx, 'pdf', mkdtempSync(path.join(dir, 'calc-')))));
  });
  const word = () => [...docs].filter(([name]) => name !== 'tasks-xlsx');

  it('has no page that carries only its page number (the empty paragraph after a table spilled over)', () => {
    for (const [name, pages] of docs) {
      pages.forEach((page, i) => {
        const number = pageNumberLine(page);
        const others = page.lines.filter((l) => l !== number);
        if (number) expect(others.length, `${name} page ${i + 1}`).toBeGreaterThan(0);
        // GB/T 9704 §7.5: a blank page (no text, no number) only before the 版记 on an even last page.
        else if (name !== 'tasks-xlsx') expect(others.length > 0 || i === pages.length - 2, `${name} page ${i + 1} is blank`).toBe(true);
      });
    }
  });

  it('never leaves a table row alone on a page when the row before it could have gone along', () => {
    for (const name of ['opinion-frame', 'opinion', 'tasks', 'notice'] as const) {
      const pages = docs.get(name)!;
      const tables = pages.map((page) => (isLandscape(page) ? tableRows(page) : undefined));
      tables.forEach((rows, i) => {
        const before = tables[i - 1];
        if (!rows || !before || rows.length !== 2) return;
        // Header repeated, one row under it: would the previous page's last row have fitted here too?
        const [, alone] = rows;
        const last = before[before.length - 1]!;
        const free = (210 - 26) * MM - alone!.bottom;
        expect(last.bottom - last.top, `${name} page ${i + 1}: row alone, ${((free - (last.bottom - last.top)) / MM).toFixed(0)} mm to spare`).toBeGreaterThan(free);
      });
    }
  });

  it('never breaks a line between a figure and its unit (1000 / 人, 研修班1 / 期, 示范点10 / 个)', () => {
    for (const [name, pages] of word()) {
      pages.forEach((page, i) => {
        for (const [above, below] of linePairs(page)) {
          expect(/[0-9]$/.test(text(above)) && /^\p{Script=Han}/u.test(text(below)), `${name} page ${i + 1}: “${text(above)}” / “${text(below)}”`).toBe(false);
        }
      });
    }
  });

  it('never ends a paragraph with one character alone on its last line (…力 / 量。)', () => {
    for (const [name, pages] of word()) {
      for (const [i, page] of pages.entries()) {
        if (isLandscape(page)) continue;
        const rows = rowsOf(page);
        rows.forEach((row, r) => {
          const previous = rows[r - 1];
          if (!previous || Math.abs(row.x0 / MM - 28) > 1) return;
          const full = (page.width - previous.x1) / MM < 26 + 1.5;
          expect(full && /^\p{Script=Han}[，。、；：！？”’）》]*$/u.test(row.text), `${name} page ${i + 1}: “${previous.text.slice(-6)}” / “${row.text}”`).toBe(false);
        });
      }
    }
  });

  it('passes the right margin with nothing but a 点号 hung there (LibreOffice only: Word and WPS compress it)', () => {
    for (const [name, pages] of word()) {
      pages.forEach((page, i) => {
        if (isLandscape(page)) return;
        for (const l of bodyLines(page)) {
          const right = (page.width - l.x1) / MM;
          if (right > 26 - 0.5) continue;
          expect(text(l), `${name} page ${i + 1}, ${right.toFixed(1)} mm`).toMatch(/[，。、]$/);
          expect(right, `${name} page ${i + 1}: “${text(l).slice(-4)}”`).toBeGreaterThan(26 - 16 / MM - 0.5);
        }
      });
    }
  });

  it('sets a figure flush against its unit: no gap in “2025年” or “〔2025〕1号”', () => {
    for (const [name, pages] of word()) {
      pages.forEach((page, i) => {
        for (const l of page.lines) expect(l.text, `${name} page ${i + 1}`).not.toMatch(/[0-9]\s+\p{Script=Han}/u);
      });
    }
    const first = bodyLines(docs.get('opinion-frame')![0]!).map(text);
    expect(first).toContain('澄统发〔2025〕1号');
  });
});

/** Rows of the table on a page, from its horizontal rules: [header, …]. */
function tableRows(page: PdfPage): { top: number; bottom: number }[] | undefined {
  const ys = [...new Set(page.rules.filter((r) => r.x1 - r.x0 > 100 * MM).map((r) => Math.round(r.top * 10) / 10))].sort((a, b) => a - b);
  if (ys.length < 2) return undefined;
  return ys.slice(1).map((bottom, i) => ({ top: ys[i]!, bottom }));
}

/** Pairs of lines where the second is the next line under the first, in the same column. */
function linePairs(page: PdfPage): [PdfLine, PdfLine][] {
  const lines = page.lines.filter((l) => !l.rotated && l !== pageNumberLine(page));
  const pairs: [PdfLine, PdfLine][] = [];
  for (const a of lines) {
    const size = a.size ?? 16;
    const below = lines
      .filter((b) => b.top - a.top > 0.8 * size && b.top - a.top < 2.2 * size)
      .filter((b) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 * size)
      .sort((x, y) => x.top - y.top)[0];
    if (below) pairs.push([a, below]);
  }
  return pairs;
}
