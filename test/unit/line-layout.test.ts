/**
 * How lines are laid out, without a renderer: figures joined to their units (.docx only), the
 * line-break estimate, the last line kept from holding one character, and table column widths.
 * The render checks in test/render/ verify the same things on LibreOffice's pages.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fitColumnWidths } from '../../src/emit/column-widths.js';
import { fitLastLine } from '../../src/emit/docx/last-line.js';
import { WORD_JOINER, splitUnits, withoutJoiners } from '../../src/emit/docx/runs.js';
import { breakLines, endsWithLoneCharacter } from '../../src/text/line-breaks.js';
import { ROOT, runCli } from '../helpers.js';

describe('figures joined to their units', () => {
  it('puts a word joiner between a digit and the Han character after it, and two-character units whole', () => {
    const pieces = splitUnits('举办研修班3期，培训186人次，〔2025〕1号');
    expect(pieces.filter((p) => p.unit).map((p) => p.text)).toEqual([`${WORD_JOINER}期`, `${WORD_JOINER}人${WORD_JOINER}次`, `${WORD_JOINER}号`]);
    expect(withoutJoiners(pieces.map((p) => p.text).join(''))).toBe('举办研修班3期，培训186人次，〔2025〕1号');
    // Not between Han and a digit (the line may break there), not after a digit that ends the text.
    expect(splitUnits('示范点10').every((p) => !p.unit)).toBe(true);
  });

  it('keeps the joiners out of .md, .csv and .xlsx: only the .docx carries them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-joiners-'));
    const plan = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
    for (const [args, file] of [
      [['--to', 'md'], 'o.md'],
      [['--doc', 'tasks', '--to', 'csv'], 't.csv'],
      [['--doc', 'tasks', '--to', 'md'], 't.md'],
      [['--doc', 'speech', '--to', 'md'], 's.md'],
    ] as const) {
      expect(runCli(['build', plan, ...args, '-o', path.join(dir, file)]).status).toBe(0);
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text).toMatch(/[0-9]\p{Script=Han}/u);
      expect(text).not.toContain(WORD_JOINER);
    }
    expect(runCli(['build', plan, '--doc', 'tasks', '--to', 'xlsx', '-o', path.join(dir, 't.xlsx')]).status).toBe(0);
    const parts = unzipSync(readFileSync(path.join(dir, 't.xlsx')));
    for (const [name, bytes] of Object.entries(parts)) if (name.endsWith('.xml')) expect(strFromU8(bytes), name).not.toContain(WORD_JOINER);
    expect(runCli(['build', plan, '-o', path.join(dir, 'o.docx')]).status).toBe(0);
    // 澄统发〔2025〕1号: the 号 in a run of its own, after the joiner.
    expect(strFromU8(unzipSync(readFileSync(path.join(dir, 'o.docx')))['word/document.xml']!)).toMatch(new RegExp(`1</w:t>.*?>${WORD_JOINER}号<`));
  });
});

describe('the line-break estimate', () => {
  const options = { first: 26, width: 28, half: 0.5 };

  it('fills lines, hangs a 点号 that does not fit, and keeps 避头 characters off a line start', () => {
    const lines = breakLines(`${'甲'.repeat(26)}，${'乙'.repeat(28)}”。丙`, options);
    expect(lines.map((l) => l.text)).toEqual([`${'甲'.repeat(26)}，`, '乙'.repeat(27), '乙”。丙']);
  });

  it('never ends a line with a figure whose unit is on the next', () => {
    const lines = breakLines(`${'甲'.repeat(25)}研修班1000人次`, options);
    expect(lines.every((l) => !/[0-9]$/.test(l.text))).toBe(true);
  });

  it('finds a paragraph that would end with a lone character, and the fit that pulls it up', () => {
    const text = `${'甲'.repeat(26)}${'乙'.repeat(10)}，${'乙'.repeat(17)}丙。`;
    expect(endsWithLoneCharacter(breakLines(text, options))).toBe(true);
    const fit = fitLastLine(text, 2);
    expect(fit).not.toBeNull();
    expect(fit!.compress.length + (fit!.squeeze ? 1 : 0)).toBeGreaterThan(0);
    expect(fitLastLine(`${'甲'.repeat(20)}。`, 2)).toBeNull();
  });
});

describe('table column widths', () => {
  const header = ['序号', '工作任务', '牵头单位', '完成时限'];
  const rows = [
    ['1', '深入学习贯彻党的创新理论并推动落实见效', '区委统战部', '全年'],
    ['2', '扎实开展主题教育实践', '区委办公室', '2025年11月30日前'],
  ];

  it('share the width exactly, give a short column its widest cell and never squeeze a header', () => {
    const widths = fitColumnWidths(header, rows, 30);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(30);
    expect(widths[0]).toBeGreaterThanOrEqual(2);
    expect(widths[2]).toBeGreaterThanOrEqual(5);
    for (const [c, h] of header.entries()) expect(widths[c]).toBeGreaterThanOrEqual(h.length);
    // The long task takes what is left, more than the date.
    expect(widths[1]).toBeGreaterThan(widths[3]!);
  });

  it('does not measure section rows, which span the table', () => {
    expect(fitColumnWidths(header, [['一、一个很长很长很长很长很长很长的部分标题', '', '', ''], ...rows], 30)).toEqual(fitColumnWidths(header, rows, 30));
  });
});
