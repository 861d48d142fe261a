/**
 * `build --redline OLD`: the 修订稿 read back by pandoc, an independent reader, with every change
 * accepted (the new plan's document) and every change rejected (the old plan's document); the
 * old version from a file and from git; and the refusals.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ROOT, runCli } from '../helpers.js';

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
const hasGit = spawnSync('git', ['--version']).status === 0;
const work = mkdtempSync(path.join(tmpdir(), 'workplan-redline-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fixed moment for the changes, so the test can check w:date. */
const EPOCH = '1767225600'; // 2026-01-01T00:00:00Z
const env = { SOURCE_DATE_EPOCH: EPOCH };

/**
 * The old version a 文秘 had before this one, made from the plan by the edits of a revision round:
 * a lead reworded, the lead unit and a deadline changed, a measure that was dropped, one that is
 * new, two measures swapped, another 成文日期.
 */
function olderVersion(source: string): string {
  const doc = parseDocument(source);
  type Measures = { items: { get(k: string): unknown; set(k: string, v: unknown): void }[] };
  // Measures in parts (一、…), or straight under the plan (a 要点 with its own outline).
  const sections = doc.get('sections') as { items: { get(k: string): unknown }[] } | undefined;
  const first = (sections ? sections.items[0]!.get('measures') : doc.get('measures')) as Measures;
  const second = sections?.items[1]?.get('measures') as Measures | undefined;
  const m0 = first.items[0]!;
  m0.set('text', `${String(m0.get('text') ?? m0.get('title'))}同时健全学习成果转化机制。`);
  if (first.items[1]) first.items[1].set('due', '年底前');
  // The old version still had a measure the new one dropped, and lacked the new one's last measure.
  const target = second ?? first;
  target.items.pop();
  (target as unknown as { add(v: unknown): void }).add(doc.createNode({ title: '开展统一战线理论课题研究', text: '联合区委党校确定两项研究课题，年内形成研究报告。', lead: '区委统战部', due: '年底前' }));
  if (first.items.length >= 3) [first.items[1], first.items[2]] = [first.items[2]!, first.items[1]!];
  if (doc.has('date')) doc.set('date', '2025-12-20');
  // The speech: its opening had a sentence more.
  const opening = doc.getIn(['speech', 'opening']);
  if (typeof opening === 'string') doc.setIn(['speech', 'opening'], `${opening}现将有关情况简要汇报如下。`);
  return doc.toString();
}

/** pandoc's plain text of a .docx, whitespace and the layout's U+2060 joiners taken out. */
function pandocText(file: string, changes: 'accept' | 'reject' = 'accept'): string {
  const r = spawnSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', `--track-changes=${changes}`, file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.replace(/[\s\u2060]/g, '');
}

/** Every w:ins and w:del of the body: id, author, date. */
function changeMarks(file: string): { id: string; author: string; date: string }[] {
  const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
  return [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)"/g)].map(([, id, author, date]) => ({ id: id!, author: author!, date: date! }));
}

/**
 * Body paragraphs wholly deleted or inserted whose paragraph mark is not: accepting (or rejecting)
 * would leave an empty paragraph behind in Word (pandoc drops those, so it cannot tell).
 */
function unmarkedParagraphs(file: string): string[] {
  const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!).replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const bad: string[] = [];
  for (const [p] of xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)) {
    const pPr = /^<w:p><w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? '';
    const rest = p.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '');
    const plain = rest.replace(/<w:(ins|del) [^>]*>[\s\S]*?<\/w:\1>/g, '');
    if (/<w:t[ >]/.test(plain)) continue;
    const deleted = rest.includes('<w:delText');
    const inserted = /<w:ins [^>]*><w:r>/.test(rest);
    if (deleted && !inserted && !/<w:rPr>[\s\S]*<w:del /.test(pPr)) bad.push(p);
    if (inserted && !deleted && !/<w:rPr>[\s\S]*<w:ins /.test(pPr)) bad.push(p);
  }
  return bad;
}

const EXAMPLES = ['2026-工作安排意见.yaml', '2025-工作安排意见.yaml', '2026-全区统一战线工作要点.yaml', '2025-港澳青年交流工作計劃.yaml'];

describe('build --redline', () => {
  it.each(EXAMPLES)('%s: accepting every change gives the new document, rejecting every change the old one', (name) => {
    const dir = mkdtempSync(path.join(work, 'file-'));
    const plan = path.join(dir, 'plan.yaml');
    copyFileSync(path.join(ROOT, 'plans', name), plan);
    writeFileSync(path.join(dir, 'old.yaml'), olderVersion(readFileSync(plan, 'utf8')));
    const redline = runCli(['build', plan, '--redline', path.join(dir, 'old.yaml'), '-o', dir], { env });
    expect(redline.status, redline.stderr + redline.stdout).toBe(0);
    const revised = path.join(dir, name.includes('計劃') ? 'plan-修訂.docx' : 'plan-修订.docx');
    expect(existsSync(revised), redline.stderr).toBe(true);
    const marks = changeMarks(revised);
    expect(marks.length).toBeGreaterThan(5);
    expect(new Set(marks.map((m) => m.id)).size).toBe(marks.length);
    expect(new Set(marks.map((m) => m.date))).toEqual(new Set(['2026-01-01T00:00:00Z']));
    expect(unmarkedParagraphs(revised)).toEqual([]);
    // Leaders' own edits of the 修订稿 are tracked as well; the clean document leaves that off.
    const settings = (file: string) => strFromU8(unzipSync(readFileSync(file))['word/settings.xml']!);
    expect(settings(revised)).toContain('<w:trackRevisions/>');
    expect(runCli(['build', plan, path.join(dir, 'old.yaml'), '-o', dir], { env }).status).toBe(0);
    expect(settings(path.join(dir, 'plan.docx'))).not.toContain('trackRevisions');
    if (!hasPandoc) return;
    expect(pandocText(revised, 'accept')).toBe(pandocText(path.join(dir, 'plan.docx')));
    expect(pandocText(revised, 'reject')).toBe(pandocText(path.join(dir, 'old.docx')));
  });

  it.each(['tasks', 'speech'])('the %s document too', (doc) => {
    const dir = mkdtempSync(path.join(work, `${doc}-`));
    const plan = path.join(dir, 'plan.yaml');
    copyFileSync(path.join(ROOT, 'plans', '2025-工作安排意见.yaml'), plan);
    writeFileSync(path.join(dir, 'old.yaml'), olderVersion(readFileSync(plan, 'utf8')));
    const r = runCli(['build', plan, '--doc', doc, '--redline', path.join(dir, 'old.yaml'), '-o', dir], { env });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const suffix = doc === 'tasks' ? '-重点任务分工表' : '-汇报发言';
    const revised = path.join(dir, `plan${suffix}-修订.docx`);
    expect(changeMarks(revised).length).toBeGreaterThan(0);
    expect(unmarkedParagraphs(revised)).toEqual([]);
    if (!hasPandoc) return;
    expect(runCli(['build', plan, path.join(dir, 'old.yaml'), '--doc', doc, '-o', dir], { env }).status).toBe(0);
    expect(pandocText(revised, 'accept')).toBe(pandocText(path.join(dir, `plan${suffix}.docx`)));
    expect(pandocText(revised, 'reject')).toBe(pandocText(path.join(dir, `old${suffix}.docx`)));
  });

  it.skipIf(!hasGit)('reads the old version from git (REV, REV:path) and takes the author from git', () => {
    const dir = mkdtempSync(path.join(work, 'git-'));
    const git = (...args: string[]) => {
      const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    };
    git('init', '-q');
    git('config', 'user.name', '区委统战部办公室');
    git('config', 'user.email', 'office@example.org');
    mkdirSync(path.join(dir, 'plans'));
    const plan = path.join(dir, 'plans', '2026-工作安排意见.yaml');
    const current = readFileSync(path.join(ROOT, 'plans', '2026-工作安排意见.yaml'), 'utf8');
    writeFileSync(plan, olderVersion(current));
    git('add', '.');
    git('commit', '-qm', 'first draft');
    writeFileSync(plan, current);
    for (const spec of ['HEAD', 'HEAD:plans/2026-工作安排意见.yaml']) {
      const r = runCli(['build', 'plans/2026-工作安排意见.yaml', '--redline', spec], { cwd: dir, env });
      expect(r.status, r.stderr + r.stdout).toBe(0);
      const marks = changeMarks(path.join(dir, 'out', '2026-工作安排意见-修订.docx'));
      expect(marks.length).toBeGreaterThan(5);
      expect(new Set(marks.map((m) => m.author))).toEqual(new Set(['区委统战部办公室']));
    }
    // The configured author wins over git's.
    writeFileSync(path.join(dir, 'workplan.config.yaml'), 'redline:\n  author: 张文秘\n');
    expect(runCli(['build', 'plans/2026-工作安排意见.yaml', '--redline', 'HEAD'], { cwd: dir, env }).status).toBe(0);
    expect(new Set(changeMarks(path.join(dir, 'out', '2026-工作安排意见-修订.docx')).map((m) => m.author))).toEqual(new Set(['张文秘']));
  });

  it('refuses what it cannot do, in Chinese, with exit 2 and nothing written', () => {
    const dir = mkdtempSync(path.join(work, 'bad-'));
    const plan = path.join(dir, 'plan.yaml');
    copyFileSync(path.join(ROOT, 'plans', '2026-工作安排意见.yaml'), plan);
    const missing = runCli(['build', plan, '--redline', 'v1999', '-o', dir], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/找不到旧版本“v1999”/);
    const md = runCli(['build', plan, '--redline', plan, '--to', 'md', '-o', dir]);
    expect(md.status).toBe(2);
    expect(md.stderr).toMatch(/--redline 不能与 --to md 一起用/);
    writeFileSync(path.join(dir, 'broken.yaml'), 'title: [未闭合\n');
    const broken = runCli(['build', plan, '--redline', path.join(dir, 'broken.yaml'), '-o', dir]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/旧版本 .*broken\.yaml 无法读取为计划.*broken\.yaml:\d+:\d+/);
    const two = runCli(['build', plan, path.join(ROOT, 'plans', '2025-工作安排意见.yaml'), '--redline', plan, '-o', dir]);
    expect(two.status).toBe(2);
    expect(two.stderr).toMatch(/只能是一个计划的旧版本，这里有 2 个计划/);
    // Standard input: never the old version; a plan read from it has no path for a bare revision to look up.
    const stdinOld = runCli(['build', plan, '--redline', '-', '-o', dir], { input: readFileSync(plan, 'utf8') });
    expect(stdinOld.status).toBe(2);
    expect(stdinOld.stderr).toMatch(/旧版本不能从标准输入（-）读/);
    const stdinPlan = runCli(['build', '-', '--redline', 'HEAD~1', '-o', path.join(dir, 'x.docx')], { input: readFileSync(plan, 'utf8') });
    expect(stdinPlan.status).toBe(2);
    expect(stdinPlan.stderr).toMatch(/计划来自标准输入（-），没有路径可在 git 的版本“HEAD~1”里查找：请写成“HEAD~1:路径”/);
    for (const r of [missing, md, broken, two, stdinOld, stdinPlan]) expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'plan-修订.docx'))).toBe(false);
  });
});
