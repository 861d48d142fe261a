/**
 * The example plan's 工作安排意见, opened by real clients: LibreOffice renders it (geometry per
 * GB/T 9704), pandoc reads it back (content and order). Skips only when the tools are absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WORD_JOINER } from '../../src/emit/docx/runs.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import type { Plan, Section } from '../../src/plan/model.js';
import { visualWidth } from '../../src/text/width.js';
import { ROOT, runCli } from '../helpers.js';
import {
  MM,
  type PdfPage,
  baselines,
  bodyLines,
  expectTwentyEightPerLine,
  isLandscape,
  measurePdf,
  pageNumberLine,
  gridRows,
  renderPdf,
  renderUnavailable,
  rowsOf,
  shortPageReason,
} from './render.js';

const PLAN = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const why = renderUnavailable();
if (why) console.warn(`[render] ${why}`);

function buildExample(dir: string, ...args: string[]): string {
  const out = path.join(dir, 'opinion.docx');
  const r = runCli(['build', PLAN, '-o', out, ...args]);
  expect(r.status, r.stderr).toBe(0);
  return out;
}

/** The pages of the main text: everything before the first attachment page. */
function textPages(pages: PdfPage[]): PdfPage[] {
  const first = pages.findIndex((p) => isLandscape(p) || text(bodyLines(p)[0]!) === '附件');
  return first < 0 ? pages : pages.slice(0, first);
}
const text = (l: { text: string }) => l.text.replace(/\s/g, '');

describe.skipIf(why !== undefined)('opinion rendered by LibreOffice: the GB/T page (no letterhead)', () => {
  let pages: PdfPage[];
  let body: PdfPage[];
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-render-'));
    pages = measurePdf(renderPdf(buildExample(dir, '--letterhead', 'none'), dir));
    body = textPages(pages);
  });

  it('is A4 throughout, portrait for the text and landscape for the task table', () => {
    expect(body.length).toBeGreaterThan(2);
    for (const p of pages) {
      const [w, h] = [p.width / MM, p.height / MM].sort((a, b) => a - b);
      expect(Math.abs(w! - 210)).toBeLessThan(1);
      expect(Math.abs(h! - 297)).toBeLessThan(1);
    }
    for (const p of body) expect(isLandscape(p)).toBe(false);
  });

  const rowsOfPage = gridRows;

  it('fills 22 grid lines on every text page but the last, short only where widow/orphan control or a heading moved lines', () => {
    body.slice(0, -1).forEach((page, i) => {
      const ys = baselines(bodyLines(page));
      const rows = rowsOf(page);
      const next = bodyLines(body[i + 1]!)[0]!.text;
      // The closing text keeps with the 署名 (GB/T: no 署名 page without text). When they do not
      // fit below this page's text together, they move on together: only then may the page be short.
      const last = i + 1 === body.length - 1;
      const signatureMoved = last && rowsOfPage(page) + rowsOfPage(body[i + 1]!) > 22;
      const reason = shortPageReason(page, body[i + 1]!) ?? (signatureMoved ? 'signature' : undefined);
      expect(reason, `page ${i + 1}: ${rowsOfPage(page)} rows, next starts “${next.slice(0, 8)}”`).toBeDefined();
      // Every row carries text but the blank lines GB/T asks for: under the title, above the 附件说明.
      const blanks = (i === 0 ? 1 : 0) + (rows.some((l) => l.text.startsWith('附件：')) ? 1 : 0);
      expect(ys.length).toBeGreaterThanOrEqual(rowsOfPage(page) - blanks);
    });
  });

  it('puts 28 characters on a full line and starts text 28 mm from the left edge', () => {
    for (const page of body) {
      const left = Math.min(...bodyLines(page).map((l) => l.x0)) / MM;
      expect(left).toBeGreaterThan(27);
      expect(left).toBeLessThan(29);
    }
    expectTwentyEightPerLine(body, visualWidth, expect, 20);
  });

  it('numbers every page “— N —” at 14 pt, outside: odd on the right and even on the left, one character in', () => {
    pages.forEach((page, i) => {
      if (page.lines.length === 0) {
        // GB/T §7.5: the blank page an even-page 版记 may need carries no number.
        expect(i, 'a blank page only right before the 版记 page').toBe(pages.length - 2);
        return;
      }
      const n = pageNumberLine(page);
      expect(n, `page ${i + 1}`).toBeDefined();
      expect(text(n!)).toBe(`—${i + 1}—`);
      expect(n!.size).toBe(14);
      const oneChar = 14 / MM;
      if (isLandscape(page)) {
        // GB/T §8: a landscape table's page number stays where the portrait pages have it. The
        // portrait page turned a quarter clockwise puts its foot on the left (35 mm margin): the
        // number stands there, turned, 7 mm from the type area, odd pages toward the bottom.
        expect(n!.rotated).toBe(true);
        expect(35 - n!.x1 / MM).toBeGreaterThan(5);
        expect(35 - n!.x1 / MM).toBeLessThan(10);
        if ((i + 1) % 2 === 1) expect(Math.abs(n!.bottom / MM - (210 - 26 - oneChar))).toBeLessThan(1.5);
        else expect(Math.abs(n!.top / MM - (28 + oneChar))).toBeLessThan(1.5);
        return;
      }
      if ((i + 1) % 2 === 1) expect(Math.abs((page.width - n!.x1) / MM - (26 + oneChar))).toBeLessThan(1.5);
      else expect(Math.abs(n!.x0 / MM - (28 + oneChar))).toBeLessThan(1.5);
      // 7 mm below the type area.
      expect(n!.top / MM).toBeGreaterThan(262 + 5);
      expect(n!.top / MM).toBeLessThan(262 + 10);
    });
  });

  it('sets the body in 16 pt and the title in 22 pt', () => {
    const [title, ...rest] = bodyLines(body[0]!);
    expect(title!.size).toBe(22);
    expect(text(title!)).toBe('2025年全区统一战线工作安排意见');
    const sizes = new Set(rest.concat(...body.slice(1).map(bodyLines)).map((l) => l.size));
    expect([...sizes]).toEqual([16]);
  });

  it('never leaves the 署名 alone on a page: text from the closing paragraph comes with it', () => {
    const lines = bodyLines(body[body.length - 1]!).map(text);
    const signature = lines.indexOf('中共澄湖区委统战部');
    expect(signature).toBeGreaterThan(0);
    const above = lines.slice(0, signature).filter((l) => !l.startsWith('附件：'));
    expect(above.length, lines.join('\n')).toBeGreaterThan(0);
    expect(above[above.length - 1]).toMatch(/。$/);
  });

  it('places the 署名 and date at the right, the date shifted right of the 署名', () => {
    const last = bodyLines(body[body.length - 1]!);
    const date = last[last.length - 1]!;
    const signature = last[last.length - 2]!;
    expect(text(signature)).toBe('中共澄湖区委统战部');
    expect(text(date)).toBe('2025年1月10日');
    const right = (l: { x1: number }) => (210 * MM - l.x1) / MM;
    // 署名 2 characters from the right margin (26 mm + 2 × 5.6 mm).
    expect(Math.abs(right(signature) - (26 + (2 * 15.75) / MM))).toBeLessThan(1.5);
    expect(date.x0 - signature.x0).toBeGreaterThan(1.5 * 15);
  });
});

describe.skipIf(why !== undefined)('opinion rendered by LibreOffice: the official-document frame', () => {
  let pages: PdfPage[];
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-frame-'));
    pages = measurePdf(renderPdf(buildExample(dir), dir));
  });

  it('prints the red 发文机关标志 on page 1, 35 mm below the type area, then the 发文字号 and a red rule', () => {
    const [head, number] = bodyLines(pages[0]!);
    expect(text(head!)).toBe('中共澄湖区委统战部文件');
    expect(head!.color).toBe('#FF0000');
    expect(Math.abs(head!.top / MM - (37 + 35))).toBeLessThan(3);
    expect(text(number!)).toBe('澄统发〔2025〕1号');
    expect(number!.color).toBe('#000000');
    const red = pages[0]!.rules.filter((r) => r.color === '#FF0000');
    expect(red).not.toHaveLength(0);
    const rule = red[0]!;
    // Across the whole type area, 4 mm or so below the number, above the title.
    expect(Math.abs((rule.x1 - rule.x0) / MM - 156)).toBeLessThan(1);
    expect(rule.width).toBeGreaterThanOrEqual(0.35 * MM - 0.05);
    expect(rule.width).toBeLessThanOrEqual(0.5 * MM + 0.05);
    expect(rule.top).toBeGreaterThan(number!.bottom);
    const title = bodyLines(pages[0]!).find((l) => text(l) === '2025年全区统一战线工作安排意见')!;
    expect(title.top).toBeGreaterThan(rule.top);
  });

  it('starts the attachment on a new landscape page and repeats the table header on the next page', () => {
    const start = pages.findIndex((p) => text(bodyLines(p)[0]!) === '附件');
    expect(start).toBeGreaterThan(0);
    const first = pages[start]!;
    expect(isLandscape(first)).toBe(true);
    expect(bodyLines(first).some((l) => text(l) === '2025年重点任务分工表')).toBe(true);
    // The previous page is the end of the text, not part of the attachment.
    expect(bodyLines(pages[start - 1]!).some((l) => text(l) === '2025年1月10日')).toBe(true);
    const next = pages[start + 1]!;
    expect(isLandscape(next)).toBe(true);
    const top = bodyLines(next).filter((l) => l.top < bodyLines(next)[0]!.top + 20).map(text);
    expect(top).toEqual(expect.arrayContaining(['工作任务', '牵头单位']));
  });

  it('ends with the 版记 at the foot of the last page, which is even, between full-width rules', () => {
    const last = pages[pages.length - 1]!;
    expect(pages.length % 2).toBe(0);
    expect(isLandscape(last)).toBe(false);
    const lines = bodyLines(last);
    expect(text(lines[0]!)).toMatch(/^抄送：区委办公室/);
    // 印发机关 at the left, 印发日期 at the right of the same line (pdfminer splits it at the tab).
    const bottom = lines.filter((l) => Math.abs(l.top - lines[lines.length - 1]!.top) < 1).sort((a, b) => a.x0 - b.x0);
    expect(bottom.map(text)).toEqual(['中共澄湖区委统战部办公室', '2025年1月12日印发']);
    expect(Math.abs((last.width - bottom[1]!.x1) / MM - (26 + 14 / MM))).toBeLessThan(1.5);
    expect(bottom[0]!.top / MM).toBeGreaterThan(230);
    const rules = last.rules.filter((r) => r.color === '#000000');
    expect(rules.length).toBeGreaterThanOrEqual(3);
    for (const r of rules) expect(Math.abs((r.x1 - r.x0) / MM - 156)).toBeLessThan(1);
  });
});

describe.skipIf(why !== undefined)('a joint 发文机关标志 with 文件, rendered by LibreOffice', () => {
  it('stacks the names, spread to one width, with 文件 at their right, centred between them, all red', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-joint-'));
    const out = path.join(dir, 'joint.docx');
    const plan = path.join(ROOT, 'test', 'fixtures', 'build', 'joint-letterhead', 'plan.yaml');
    const r = runCli(['build', plan, '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    const [page] = measurePdf(renderPdf(out, dir));
    const lines = bodyLines(page!);
    const host = lines.find((l) => text(l) === '中共青禾区委统战部')!;
    const partner = lines.find((l) => text(l) === '青禾区民族宗教事务局')!;
    const suffix = lines.find((l) => text(l) === '文件')!;
    for (const l of [host, partner, suffix]) expect(l?.color).toBe('#FF0000');
    // Host first, the partner under it; both spread to the same left and right edges.
    expect(partner.top).toBeGreaterThan(host.bottom - 1);
    expect(Math.abs(host.x0 - partner.x0)).toBeLessThan(2);
    expect(Math.abs(host.x1 - partner.x1)).toBeLessThan(2);
    // 文件 to the right of the names and centred on them from top to bottom.
    expect(suffix.x0).toBeGreaterThan(Math.max(host.x1, partner.x1));
    const middle = (l: { top: number; bottom: number }) => (l.top + l.bottom) / 2;
    expect(Math.abs(middle(suffix) - (middle(host) + middle(partner)) / 2)).toBeLessThan(2);
    // Within the type area, its top 35 mm below the type area's top edge.
    expect(host.x0 / MM).toBeGreaterThan(27);
    expect((page!.width - suffix.x1) / MM).toBeGreaterThan(25);
    expect(Math.abs(host.top / MM - (37 + 35))).toBeLessThan(3);
  });
});

const hasPandoc = spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasPandoc) console.warn('[render] 未找到 pandoc，跳过独立读取检查');

describe.skipIf(!hasPandoc)('opinion read back by pandoc', () => {
  it('contains every section title, measure title and measure text, in order', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-pandoc-'));
    const docx = buildExample(dir);
    // Joiners (U+2060) keep figures with their units in the .docx; the reader's characters are the plan's.
    const text = spawnSync('pandoc', ['--wrap=none', '-t', 'plain', docx], { encoding: 'utf8' }).stdout.replaceAll(WORD_JOINER, '');
    const { loaded } = await loadPlanFile(PLAN);
    const expected: string[] = [];
    const walk = (sections: Section[]) => {
      for (const s of sections) {
        expected.push(s.title);
        walk(s.sections ?? []);
        for (const m of s.measures ?? []) expected.push(m.title, ...(m.text ? [m.text.trim()] : []));
      }
    };
    walk((loaded!.plan as Plan).sections ?? []);
    expect(expected.length).toBeGreaterThan(40);
    let at = 0;
    for (const piece of expected) {
      const found = text.indexOf(piece, at);
      expect(found, `“${piece.slice(0, 12)}…” missing or out of order`).toBeGreaterThanOrEqual(0);
      at = found + piece.length;
    }
  });
});
