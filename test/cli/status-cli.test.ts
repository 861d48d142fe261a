/**
 * `workplan status` on the 2025 example with dated reports, against a hand count: which report
 * applied on 2025-09-30, which deadline each `due` gives, and so which state each measure is in.
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visualWidth } from '../../src/text/width.js';
import { ROOT, runCli } from '../helpers.js';

const PLAN = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const SOURCE = readFileSync(PLAN, 'utf8').split('\n');

interface Counts {
  total: number;
  done: number;
  'on-track': number;
  'due-soon': number;
  overdue: number;
  'no-report': number;
}
interface StatusJson {
  asOf: string;
  plans: {
    file: string;
    status: {
      period: string;
      counts: Counts;
      units: { unit: string; lead: Counts; shared: Counts; completion: number | null }[];
      measures: { title: string; state: string; days?: number; deadline?: string }[];
      ledger: { header: string[]; rows: string[][] };
    };
  }[];
}

function statusJson(args: string[], cwd = ROOT): StatusJson {
  const r = runCli(['status', ...args, '--format', 'json'], { cwd });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as StatusJson;
}

const c = (done: number, onTrack: number, dueSoon: number, overdue: number, noReport: number): Counts => ({
  total: done + onTrack + dueSoon + overdue + noReport,
  done,
  'on-track': onTrack,
  'due-soon': dueSoon,
  overdue,
  'no-report': noReport,
});

describe('workplan status --as-of 2025-09-30 on the 2025 example', () => {
  const json = statusJson([PLAN, '--as-of', '2025-09-30']);
  const status = json.plans[0]!.status;
  const unit = (name: string) => status.units.find((u) => u.unit === name)!;

  it('counts the plan as counted by hand from the dated reports', () => {
    // Done: 理论学习 (07-10), 青蓝接力 (08-20). Overdue: 实践创新基地 (done only on 10-15, due 08-31),
    // 宗教事务 (no report, due 06-30). Due soon: 商会 (due 2025-09, i.e. today). No report: 宣传阵地,
    // 民主党派建设, 无党派, 网络人士, 民族团结, 港澳台侨, 党外干部, 统战干部. The rest on track.
    expect(status.counts).toEqual(c(2, 6, 1, 2, 8));
    expect(status.period).toBe('第三季度');
  });

  it('counts each unit’s led and shared measures by state, as counted by hand', () => {
    expect(unit('区委统战部').lead).toEqual(c(2, 3, 0, 1, 6));
    expect(unit('区委统战部').shared).toEqual(c(0, 1, 0, 0, 1));
    expect(unit('区工商联').lead).toEqual(c(0, 1, 1, 0, 0));
    expect(unit('区工商联').shared).toEqual(c(1, 1, 0, 0, 0));
    expect(unit('区民族宗教事务局').lead).toEqual(c(0, 0, 0, 1, 1));
    expect(unit('区委办公室').lead).toEqual(c(0, 1, 0, 0, 0));
    expect(unit('区新的社会阶层人士联合会').lead).toEqual(c(0, 1, 0, 0, 0));
    expect(unit('区委组织部').lead).toEqual(c(0, 0, 0, 0, 1));
    expect(unit('区委组织部').shared).toEqual(c(1, 0, 0, 0, 1));
    expect(unit('各镇街').shared).toEqual(c(0, 2, 1, 0, 1));
    expect(unit('区市场监管局').shared).toEqual(c(0, 1, 0, 1, 0));
  });

  it('lists every overdue measure with its days past the deadline', () => {
    const overdue = status.measures.filter((m) => m.state === 'overdue').map((m) => [m.title, m.deadline, m.days]);
    expect(overdue).toEqual([
      ['建设新的社会阶层人士实践创新基地', '2025-08-31', 30],
      ['提升宗教事务治理水平', '2025-06-30', 92],
    ]);
  });

  it('measures target completion with the report of the day: 9 of 12 activities and 640 of 800 people are 75 % and 80 %', () => {
    const row = status.ledger.rows.find((r) => r[1] === '扎实开展“同心向党”主题教育实践')!;
    expect(row[9]).toBe('开展主题教育实践活动9场；覆盖统一战线成员640人次');
    expect(row[10]).toBe('78%');
  });

  it('annotates each overdue measure at its due line for GitHub', () => {
    const r = runCli(['status', PLAN, '--as-of', '2025-09-30', '--format', 'github']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const dueLines = lines.map((l) => /^::warning file=[^,]+,line=(\d+),col=(\d+),.*title=measure-overdue::(.*)$/.exec(l)!);
    expect(dueLines.map((m) => SOURCE[Number(m[1]) - 1]!.trim())).toEqual(['due: 2025-08', 'due: 2025-06-30']);
    expect(dueLines.map((m) => Number(m[2]))).toEqual([14, 14]);
    expect(dueLines[0]![3]).toContain('已逾期 30 天');
    expect(dueLines[1]![3]).toContain('已逾期 92 天');
  });

  it('prints a table for people that fits 80 columns', () => {
    const r = runCli(['status', PLAN, '--as-of', '2025-09-30']);
    expect(r.status, r.stderr).toBe(0);
    for (const line of r.stdout.split('\n').slice(1)) expect(visualWidth(line) * 2, line).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/区委统战部 +牵头 +12 +2 +3 +0 +1 +6/);
    expect(r.stdout).toContain('提升宗教事务治理水平（区民族宗教事务局）');
    expect(r.stdout).toContain('逾期 92 天');
  });
});

describe('workplan status: dates, windows and units', () => {
  it('takes the report of the day: a day later 商会 is one day overdue and two measures due on 10-31 are due soon', () => {
    const status = statusJson([PLAN, '--as-of', '2025-10-01']).plans[0]!.status;
    const byTitle = new Map(status.measures.map((m) => [m.title, m]));
    expect(byTitle.get('推动商会组织规范发展')).toMatchObject({ state: 'overdue', days: 1 });
    expect(byTitle.get('扎实开展“同心向党”主题教育实践')).toMatchObject({ state: 'due-soon', days: 30 });
    expect(byTitle.get('推进基层统战工作规范化建设')).toMatchObject({ state: 'due-soon', days: 30 });
    // At year end every report applies: the final ones equal the single progress the plan had before.
    const end = statusJson([PLAN, '--as-of', '2025-12-31']).plans[0]!.status;
    expect(end.counts.done).toBe(5);
  });

  it('reads the due-soon window from workplan.config.yaml', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-status-'));
    mkdirSync(path.join(dir, 'plans'));
    cpSync(PLAN, path.join(dir, 'plans', 'p.yaml'));
    writeFileSync(path.join(dir, 'workplan.config.yaml'), 'status:\n  dueSoon: 31\n');
    const status = statusJson(['plans/p.yaml', '--as-of', '2025-09-30'], dir).plans[0]!.status;
    expect(status.counts['due-soon']).toBe(3);
  });

  it('keeps to one unit with --unit', () => {
    const status = statusJson([PLAN, '--as-of', '2025-09-30', '--unit', '区工商联']).plans[0]!.status;
    expect(status.units.map((u) => u.unit)).toEqual(['区工商联']);
    expect(status.counts.total).toBe(4);
  });

  it('refuses a date that is not one (exit 2)', () => {
    const r = runCli(['status', PLAN, '--as-of', '2025-02-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--as-of');
  });

  it('writes the 督办通报 (.docx, .md) and the ledger (.xlsx)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'wp-status-out-'));
    const r = runCli(['status', PLAN, '--as-of', '2025-09-30', '--to', 'md,docx,xlsx', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['2025-工作安排意见-督办通报.docx', '2025-工作安排意见-督办通报.md', '2025-工作安排意见-督办台账.xlsx']) expect(existsSync(path.join(out, f)), f).toBe(true);
    const md = readFileSync(path.join(out, '2025-工作安排意见-督办通报.md'), 'utf8');
    expect(md).toContain('# 关于2025年第三季度重点任务推进情况的通报');
    expect(md).toContain('已完成2项，正常推进6项，临近完成时限1项，逾期未完成2项，尚未报送进展8项');
    expect(md).toContain('“提升宗教事务治理水平”（完成时限2025年6月30日前，已逾期92天）');
  });
});
