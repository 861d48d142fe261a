/**
 * The 引号, 破折号, 省略号 and 间隔号 in Word's Chinese font (emit/docx/east-asian-marks.ts): in every
 * .docx the tool writes (opinion, speech, tasks, 督办通报, 对照表), for every example plan and build
 * fixture and a plan that puts the marks everywhere, no run that holds one lacks the East Asian
 * choice, and no run with the hint holds anything else the hint would move. And a pasted plan with
 * straight quotes, once `check --fix` made them curly, builds with the hint on them.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { isHintSensitive, SHARED_MARKS } from '../../src/emit/docx/east-asian-marks.js';
import { type DocxRun, docxRuns } from '../docx-runs.js';
import { ROOT, runCli } from '../helpers.js';

const MARKS_PLAN = path.join(ROOT, 'test', 'fixtures', 'docx-marks', 'plan.yaml');

const marksIn = (text: string) => [...text].filter((c) => SHARED_MARKS.has(c));

/**
 * Word sets the run's marks in its East Asian font: the run says w:hint="eastAsia", or it names
 * the same font for hAnsi and eastAsia (the page numbers, all 宋体), so either slot gives it.
 */
const eastAsianChoice = (run: DocxRun) => run.fonts.hint === 'eastAsia' || (run.fonts.hAnsi !== undefined && run.fonts.hAnsi === run.fonts.eastAsia);

/** Every run of every WordprocessingML part of every .docx under `dir`, by file and part. */
function runsUnder(dir: string): { file: string; part: string; run: DocxRun }[] {
  const out: { file: string; part: string; run: DocxRun }[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.docx')) continue;
    const parts = unzipSync(readFileSync(path.join(dir, name)));
    for (const [part, bytes] of Object.entries(parts)) {
      if (!part.startsWith('word/') || !part.endsWith('.xml')) continue;
      for (const run of docxRuns(strFromU8(bytes))) out.push({ file: name, part, run });
    }
  }
  return out;
}

function cli(args: string[]): void {
  const result = runCli(args);
  expect(result.status, `${args.join(' ')}\n${result.stderr}`).toBe(0);
}

describe('shared marks in every .docx', () => {
  let out: string;
  let runs: ReturnType<typeof runsUnder>;
  let files: Set<string>;

  beforeAll(() => {
    const work = mkdtempSync(path.join(tmpdir(), 'wp-marks-'));
    out = path.join(work, 'out');
    // The fixtures (all named plan.yaml) and the marks plan copied under names of their own.
    const copies = path.join(work, 'plans');
    mkdirSync(copies);
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'build');
    for (const name of readdirSync(fixtures)) cpSync(path.join(fixtures, name, 'plan.yaml'), path.join(copies, `fx-${name}.yaml`));
    cpSync(MARKS_PLAN, path.join(copies, 'marks.yaml'));
    // The example plans stay where they are: a speech reads its figures from the plan beside it.
    const all = [
      ...readdirSync(path.join(ROOT, 'plans')).map((n) => path.join(ROOT, 'plans', n)),
      ...readdirSync(copies).map((n) => path.join(copies, n)),
    ];
    // A build stops at a plan that cannot give the document asked for: each gets the plans that can.
    const kind = (file: string) => parse(readFileSync(file, 'utf8')) as { kind?: string; speech?: unknown };
    const opinions = all.filter((f) => kind(f).kind !== 'speech');
    const speeches = all.filter((f) => kind(f).kind === 'speech' || kind(f).speech !== undefined);
    cli(['build', ...opinions, '--to', 'docx', '-o', path.join(out, 'opinion')]);
    cli(['build', ...opinions, '--doc', 'tasks', '--to', 'docx', '-o', path.join(out, 'tasks')]);
    cli(['build', ...opinions, '--script', 'hant', '--to', 'docx', '-o', path.join(out, 'hant')]);
    cli(['build', ...speeches, '--doc', 'speech', '--to', 'docx', '-o', path.join(out, 'speech')]);
    cli(['status', ...opinions, '--as-of', '2025-09-30', '--to', 'docx', '-o', path.join(out, 'status')]);
    cli(['diff', path.join(ROOT, 'plans', '2025-工作安排意见.yaml'), path.join(ROOT, 'plans', '2026-工作安排意见.yaml'), '--to', 'docx', '-o', path.join(out, 'diff')]);
    // A year on, the marks plan changed: its 对照表 holds the marks in table cells.
    const next = path.join(work, 'marks-next.yaml');
    writeFileSync(next, readFileSync(MARKS_PLAN, 'utf8').replace('2026年统战工作', '2027年统战工作').replace('讲堂3期', '讲堂4期'));
    cli(['diff', path.join(copies, 'marks.yaml'), next, '--to', 'docx', '-o', path.join(out, 'diff-marks')]);
    runs = runsUnder(out);
    files = new Set(runs.map((r) => r.file));
  }, 240_000);

  it('reads the documents of every kind', () => {
    for (const folder of ['opinion', 'tasks', 'hant', 'speech', 'status', 'diff', 'diff-marks']) {
      expect([...files].some((f) => f.startsWith(`${folder}${path.sep}`)), folder).toBe(true);
    }
    // Every example plan and fixture gave its opinion (speech files their speech).
    expect(files.size).toBeGreaterThanOrEqual(50);
  });

  it('gives every run that holds a quote, dash, ellipsis or middle dot the East Asian font', () => {
    const holding = runs.filter(({ run }) => marksIn(run.text).length > 0);
    // Each mark is seen, in the parts a run is made in: body, letterhead and table cells alike.
    for (const mark of ['“', '”', '‘', '’', '—', '…', '·']) expect(holding.some(({ run }) => run.text.includes(mark)), mark).toBe(true);
    expect(holding.length).toBeGreaterThan(500);
    const lacking = holding.filter(({ run }) => !eastAsianChoice(run)).map(({ file, part, run }) => `${file} ${part}: ${run.text}`);
    expect(lacking).toEqual([]);
  });

  it('moves nothing else: a run with the hint holds no other character the hint would change', () => {
    const hinted = runs.filter(({ run }) => run.fonts.hint === 'eastAsia');
    expect(hinted.length).toBeGreaterThan(0);
    const moved = hinted.filter(({ run }) => [...run.text].some((c) => isHintSensitive(c) && !SHARED_MARKS.has(c)));
    expect(moved.map(({ file, run }) => `${file}: ${run.text}`)).toEqual([]);
    // Nor does a run without a mark get one.
    expect(hinted.filter(({ run }) => marksIn(run.text).length === 0).map(({ run }) => run.text)).toEqual([]);
  });

  it('cuts the degree sign beside a quote into a run of its own, in Times New Roman', () => {
    const marks = runs.filter(({ file }) => file === `opinion${path.sep}marks.docx`).map(({ run }) => run);
    const degree = marks.filter((run) => run.text.includes('°'));
    expect(degree.length).toBeGreaterThan(0);
    for (const run of degree) expect(run.fonts.hint).toBeUndefined();
    expect(marks.some((run) => run.text.startsWith('“达标”') && run.fonts.hint === 'eastAsia')).toBe(true);
  });
});

describe('pasted straight quotes, fixed, then built', () => {
  it('gives the curly quotes check --fix writes the East Asian font', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-marks-fix-'));
    const file = path.join(dir, 'plan.yaml');
    writeFileSync(
      file,
      [
        'title: 2026年"同心"工程工作要点',
        'issuer: 中共青禾区委统战部',
        'date: 2026-01-10',
        'guidance: 以"两个确立"为指导--坚持团结...推进各项工作',
        'sections:',
        '  - title: 着力"思想统战"',
        '    measures:',
        '      - title: 开展"同心"讲堂',
        '        text: 全年办讲堂4期--覆盖各镇街...',
        '        lead: 区委统战部',
        '        due: 2026-06',
        '',
      ].join('\n'),
    );
    const before = runCli(['check', file]);
    expect(before.stdout).toContain('punctuation-width');
    expect(runCli(['check', '--fix', file]).status).toBe(0);
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).not.toContain('"');
    expect(fixed).toContain('“同心”');
    expect(fixed).toContain('——');
    expect(fixed).toContain('……');
    cli(['build', file, '--to', 'docx', '-o', path.join(dir, 'out')]);
    // The body's runs: the footers' “— 1 —” is 宋体 in every slot and needs no hint.
    const runs = runsUnder(path.join(dir, 'out')).filter(({ part }) => part === 'word/document.xml').map(({ run }) => run);
    const holding = runs.filter((run) => marksIn(run.text).length > 0);
    expect(holding.filter((run) => run.text.includes('“')).length).toBeGreaterThanOrEqual(4);
    expect(holding.some((run) => run.text.includes('——'))).toBe(true);
    expect(holding.some((run) => run.text.includes('……'))).toBe(true);
    for (const run of holding) expect(run.fonts.hint, run.text).toBe('eastAsia');
  });
});
