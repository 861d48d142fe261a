/**
 * The 汇报发言 built from the example plan, as a reader meets it: LibreOffice shows the parts in
 * order on the GB/T page; pandoc reads back the figures and the characters `build` counted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { composeSpeech } from '../../src/speech/compose-speech.js';
import { currentProgress, type Measure, type Plan, type Section } from '../../src/plan/model.js';
import { countHan, visualWidth } from '../../src/text/width.js';
import { ROOT, runCli } from '../helpers.js';
import { WORD_JOINER } from '../../src/emit/docx/runs.js';
import {
  LINE_PITCH,
  MM,
  type PdfPage,
  bodyLines,
  expectTwentyEightPerLine,
  measurePdf,
  pageNumberLine,
  renderPdf,
  renderUnavailable,
  shortPageReason,
} from './render.js';

const PLAN = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const SPEECH_FILE = path.join(ROOT, 'plans', '2025-新阶层工作交流发言.yaml');
/** The 2025 speech written by hand, its figures referenced from the plan (figures:). */
const AUTHORED = path.join(ROOT, 'plans', '2025-汇报发言.yaml');
const why = renderUnavailable();
const hasPandoc = spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status === 0;

function buildSpeech(plan: string, dir: string): { docx: string; stderr: string } {
  const docx = path.join(dir, 'speech.docx');
  const r = runCli(['build', plan, '--doc', 'speech', '-o', docx]);
  expect(r.status, r.stderr).toBe(0);
  return { docx, stderr: r.stderr };
}

const text = (l: { text: string }) => l.text.replace(/\s/g, '');

describe.skipIf(why !== undefined)('speech rendered by LibreOffice', () => {
  let pages: PdfPage[];
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-speech-'));
    pages = measurePdf(renderPdf(buildSpeech(PLAN, dir).docx, dir));
  });

  it('shows title, speaker and date lines, salutation, opening, sections with 一是/二是, closing — in order', () => {
    const lines = pages.flatMap(bodyLines).map(text);
    const all = lines.join('');
    const at = (s: string) => all.indexOf(s);
    const order = [
      '在全市统战工作会议暨基层统战工作规范化建设推进会上的汇报发言',
      '中共澄湖区委统战部',
      '（2025年7月16日）',
      '尊敬的各位领导，同志们：',
      '今年以来',
      '现将有关工作情况汇报如下：',
      '以思想引领为先导',
      '以协商议政为抓手',
      '以“两个健康”为目标',
      '汇报完毕，谢谢大家！',
    ];
    for (const s of order) expect(at(s), s).toBeGreaterThanOrEqual(0);
    expect(order.map(at)).toEqual([...order.map(at)].sort((a, b) => a - b));
    expect(lines[lines.length - 1]).toBe('汇报完毕，谢谢大家！');
    expect((all.match(/一是/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect((all.match(/二是/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('centres the speaker and date lines, and puts the salutation flush left', () => {
    const lines = bodyLines(pages[0]!);
    const centre = (28 + 156 / 2) * MM;
    for (const want of ['中共澄湖区委统战部', '（2025年7月16日）']) {
      const l = lines.find((x) => text(x) === want)!;
      expect(Math.abs((l.x0 + l.x1) / 2 - centre) / MM, want).toBeLessThan(2);
    }
    const salutation = lines.find((x) => text(x) === '尊敬的各位领导，同志们：')!;
    expect(Math.abs(salutation.x0 / MM - 28)).toBeLessThan(1);
  });

  it('leaves one blank line between the date and the salutation', () => {
    const lines = bodyLines(pages[0]!);
    const date = lines.find((x) => text(x) === '（2025年7月16日）')!;
    const salutation = lines.find((x) => text(x) === '尊敬的各位领导，同志们：')!;
    expect(Math.round((salutation.bottom - date.bottom) / LINE_PITCH)).toBe(2);
  });

  it('keeps the GB/T grid: 22 lines a page (short only where widow/orphan control moved lines), 28 characters a full line, page numbers centred', () => {
    pages.slice(0, -1).forEach((page, i) => {
      expect(shortPageReason(page, pages[i + 1]!), `page ${i + 1}`).toBeDefined();
    });
    expectTwentyEightPerLine(pages, visualWidth, expect, 4);
    pages.forEach((page, i) => {
      const n = pageNumberLine(page)!;
      expect(text(n)).toBe(`—${i + 1}—`);
      expect(Math.abs((n.x0 + n.x1) / 2 - page.width / 2) / MM).toBeLessThan(2);
    });
  });

  it('has no 署名 block: the closing is the last line', () => {
    const last = bodyLines(pages[pages.length - 1]!);
    expect(text(last[last.length - 1]!)).toBe('汇报完毕，谢谢大家！');
  });
});

describe.skipIf(!hasPandoc)('speech read back by pandoc', () => {
  it('states every figure of progress.values exactly as the YAML has it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-speech-fig-'));
    const { docx } = buildSpeech(PLAN, dir);
    // A figure and its unit are joined by U+2060 WORD JOINER in the .docx (emit/docx/runs.ts keeps
    // them on one line): pandoc passes it through; the characters a reader sees are the plan's.
    const read = spawnSync('pandoc', ['-s', '--wrap=none', '-t', 'plain', docx], { encoding: 'utf8' }).stdout;
    expect(read).toContain(WORD_JOINER);
    const body = read.replaceAll(WORD_JOINER, '');
    const plan = parsePlan('p.yaml', readFileSync(PLAN)).loaded!.plan as Plan;
    const measures: Measure[] = [];
    const walk = (ss: Section[]) => ss.forEach((s) => (measures.push(...(s.measures ?? [])), walk(s.sections ?? [])));
    walk(plan.sections ?? []);
    let figures = 0;
    for (const m of measures) {
      // A point runs from its phrase to the next 一是-separator; each figure's number and unit are in it,
      // said after the value's name or what is left of it once said (办结率达96%, 培训186人次).
      const start = m.speech ? body.indexOf(m.speech) : -1;
      if (start < 0) continue;
      const point = body.slice(start, body.slice(start).search(/[；。]/) + start);
      for (const [name, value] of Object.entries(currentProgress(m)?.values ?? {})) {
        const unit = m.targets?.find((t) => t.name === name)?.unit ?? '';
        expect(point, `${name}`).toMatch(new RegExp(`(${name.slice(-2)}|${name.slice(0, 2)})(达)?${String(value)}${unit}`));
        figures++;
      }
    }
    expect(figures).toBeGreaterThanOrEqual(10);
  });

  for (const [name, plan] of [
    ['the annual plan', PLAN],
    ['the standalone speech', SPEECH_FILE],
    ['the authored speech with figure references', AUTHORED],
  ] as const) {
    it(`prints a character count equal to an independent count of the .docx (${name})`, () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'wp-speech-count-'));
      const { docx, stderr } = buildSpeech(plan, dir);
      const printed = Number(/汇报发言共 (\d+) 字/.exec(stderr)?.[1]);
      expect(printed).toBeGreaterThan(300);
      // pandoc -s keeps the title (Word's Title style becomes the document title). The count covers what
      // is read aloud, salutation to closing: the title, speaker and date lines are taken off.
      const plain = spawnSync('pandoc', ['-s', '--wrap=none', '-t', 'plain', docx], { encoding: 'utf8' }).stdout;
      const content = composeSpeech(parsePlan('p.yaml', readFileSync(plan)).loaded!.plan)!;
      const unread = countHan([content.title, content.speaker ?? '', content.date ?? ''].join(''));
      // The title, speaker and date are in the document (the title lines first), just not counted.
      expect(plain.replaceAll(WORD_JOINER, '').replace(/\s/g, '')).toContain(`${content.title}${content.speaker ?? ''}`);
      expect(countHan(plain) - unread).toBe(printed);
      expect(stderr).toMatch(/按每分钟 220 字约需 \d+(\.\d)? 分钟/);
    });
  }
});

describe.skipIf(why !== undefined)('the authored speech with figure references, rendered by LibreOffice', () => {
  it('fills 2 to 4 pages of the 22-line grid, with the plan’s figures in place of its references', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-speech-authored-'));
    const { docx, stderr } = buildSpeech(AUTHORED, dir);
    const printed = Number(/汇报发言共 (\d+) 字/.exec(stderr)?.[1]);
    expect(printed).toBeGreaterThanOrEqual(1800);
    expect(printed).toBeLessThanOrEqual(2200);
    const pages = measurePdf(renderPdf(docx, dir));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(4);
    const all = pages.flatMap(bodyLines).map(text).join('');
    expect(all).toContain('办结率达96%');
    expect(all).not.toContain('{=');
  });
});
