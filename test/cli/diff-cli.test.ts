/**
 * `workplan diff` on the 2025 and 2026 examples: the 2026 plan was written to continue, change,
 * drop and add exactly the measures listed here. The same sets must come out with every `id`
 * removed, matched by title and text similarity alone.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visualWidth } from '../../src/text/width.js';
import { ROOT, runCli } from '../helpers.js';

const OLD = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const NEW = path.join(ROOT, 'plans', '2026-工作安排意见.yaml');

const DESIGNED = {
  added: ['开展民营经济促进法学习宣传', '建立统战领域风险隐患排查机制', '建设“智慧统战”信息平台'],
  changed: [
    '深入学习贯彻党的创新理论',
    '深化“同心向党”主题教育实践',
    '规范开展政党协商',
    '开展“政企面对面”恳谈活动',
    '推动商会组织规范发展',
    '引导新阶层人士参与基层治理',
    '巩固基层统战工作规范化建设成果',
  ],
  continued: [
    '建好用好统一战线宣传阵地',
    '支持民主党派加强自身建设',
    '提高参政议政和民主监督实效',
    '做好无党派人士和党外知识分子工作',
    '做好网络人士统战工作',
    '提升宗教事务治理水平',
    '做好港澳台海外统战和侨务工作',
    '加强党外干部培养选拔',
    '建设忠诚干净担当的统战干部队伍',
  ],
  removed: ['加强年轻一代民营经济人士培养', '建设新的社会阶层人士实践创新基地', '深化民族团结进步创建'],
};
/** What each changed measure changed, by design. */
const FIELDS: Record<string, string[]> = {
  深入学习贯彻党的创新理论: ['targets'],
  '深化“同心向党”主题教育实践': ['title', 'text', 'due'],
  规范开展政党协商: ['responsible'],
  '开展“政企面对面”恳谈活动': ['targets'],
  推动商会组织规范发展: ['due'],
  引导新阶层人士参与基层治理: ['due'],
  巩固基层统战工作规范化建设成果: ['title', 'text', 'targets'],
};

interface Change {
  kind: keyof typeof DESIGNED;
  old?: { title: string };
  new?: { title: string };
  match?: string;
  score?: number;
  fields: string[];
}

function diffJson(oldFile: string, newFile: string): { counts: Record<string, number>; changes: Change[] } {
  const r = runCli(['diff', oldFile, newFile, '--format', 'json']);
  expect(r.status, r.stderr).toBe(0);
  const [entry] = JSON.parse(r.stdout) as { counts: Record<string, number>; changes: Change[] }[];
  return entry!;
}

function setsOf(changes: Change[]) {
  const titles = (kind: Change['kind']) => changes.filter((c) => c.kind === kind).map((c) => (c.new ?? c.old)!.title);
  return { added: titles('added'), changed: titles('changed'), continued: titles('continued'), removed: titles('removed') };
}

function withoutIds(file: string, dir: string): string {
  const out = path.join(dir, path.basename(file));
  const source = readFileSync(file, 'utf8');
  const stripped = source.replace(/^ *id: .*\n/gm, '');
  expect(stripped).not.toBe(source);
  writeFileSync(out, stripped);
  return out;
}

describe('workplan diff of the 2025 and 2026 examples', () => {
  it('finds exactly the designed 新增, 调整, 延续 and 删除 sets, each change with its fields', () => {
    const diff = diffJson(OLD, NEW);
    expect(setsOf(diff.changes)).toEqual(DESIGNED);
    expect(diff.counts).toEqual({ added: 3, changed: 7, continued: 9, removed: 3 });
    for (const c of diff.changes.filter((c) => c.kind === 'changed')) expect(c.fields, c.new!.title).toEqual(FIELDS[c.new!.title]);
    expect(diff.changes.filter((c) => c.match !== undefined).every((c) => c.match === 'id')).toBe(true);
  });

  it('finds the same sets with every id removed, matching the retitled measures by similarity and showing the score', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-diff-'));
    const oldFile = withoutIds(OLD, path.join(dir));
    mkdirSync(path.join(dir, 'new'));
    const newFile = withoutIds(NEW, path.join(dir, 'new'));
    const diff = diffJson(oldFile, newFile);
    expect(setsOf(diff.changes)).toEqual(DESIGNED);
    const retitled = diff.changes.filter((c) => c.match === 'similarity');
    expect(retitled.map((c) => [c.old!.title, c.new!.title])).toEqual([
      ['扎实开展“同心向党”主题教育实践', '深化“同心向党”主题教育实践'],
      ['推进基层统战工作规范化建设', '巩固基层统战工作规范化建设成果'],
    ]);
    for (const c of retitled) expect(c.score).toBeGreaterThanOrEqual(0.5);
    const r = runCli(['diff', oldFile, newFile]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/调整 {2}深化“同心向党”主题教育实践 +相似 0\.\d\d/);
    expect(r.stdout).toMatch(/延续 {2}建好用好统一战线宣传阵地 +同题 1\.00/);
  });

  it('prints within 80 columns, grouped by section, with counts by lead unit', () => {
    const r = runCli(['diff', OLD, NEW]);
    expect(r.status, r.stderr).toBe(0);
    for (const line of r.stdout.split('\n')) expect(visualWidth(line) * 2, line).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain('新增 3，调整 7，延续 9，删除 3');
    expect(r.stdout).toContain('\n服务民营经济高质量发展，促进“两个健康”\n');
    expect(r.stdout).toMatch(/区工商联 +1 +2 +0 +0/);
    expect(r.stdout).toContain('完成时限：2025年9月底前 → 2026年6月底前');
  });

  it('keeps to one unit with --unit', () => {
    const r = runCli(['diff', OLD, NEW, '--unit', '区工商联', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const [entry] = JSON.parse(r.stdout) as { counts: Record<string, number> }[];
    // 区工商联 leads 政企面对面, 商会, 促进法 and shares 同心向党 (2025), 青蓝接力 (removed).
    expect(entry!.counts).toEqual({ added: 1, changed: 3, continued: 0, removed: 1 });
  });

  it('with no files, pairs plans/YEAR-NAME.yaml of the two latest years by NAME', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-diff-repo-'));
    cpSync(path.join(ROOT, 'plans'), path.join(dir, 'plans'), { recursive: true });
    expect(readdirSync(path.join(dir, 'plans')).filter((f) => f.startsWith('2026-'))).toHaveLength(2);
    const r = runCli(['diff', '--format', 'json'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const entries = JSON.parse(r.stdout) as { oldFile: string; newFile: string }[];
    expect(entries.map((e) => [e.oldFile, e.newFile])).toEqual([[path.join('plans', '2025-工作安排意见.yaml'), path.join('plans', '2026-工作安排意见.yaml')]]);
  });

  it('says what it needs when plans/ has nothing to pair (exit 2)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-diff-none-'));
    mkdirSync(path.join(dir, 'plans'));
    cpSync(OLD, path.join(dir, 'plans', '2025-工作安排意见.yaml'));
    const r = runCli(['diff'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('同名的两个年度文件');
  });

  it('writes the 对照表 as .docx, .xlsx and .md', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'wp-diff-out-'));
    const r = runCli(['diff', OLD, NEW, '--to', 'docx,xlsx,md', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    for (const ext of ['docx', 'xlsx', 'md']) expect(existsSync(path.join(out, `2026-工作安排意见-对照2025年.${ext}`)), ext).toBe(true);
    const md = readFileSync(path.join(out, '2026-工作安排意见-对照2025年.md'), 'utf8');
    expect(md).toContain('# 2026年与2025年重点任务对照表');
    expect(md).toContain('新增任务3项，调整7项，延续9项，不再列入3项');
  });
});
