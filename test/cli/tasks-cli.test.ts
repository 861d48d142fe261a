/** The 重点任务分工表 and per-unit views, checked against the plan itself. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import type { Measure, Plan, Section } from '../../src/plan/model.js';
import { ROOT, runCli } from '../helpers.js';

const PLAN = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
const plan = parsePlan('p.yaml', readFileSync(PLAN)).loaded!.plan as Plan;
const measures: Measure[] = [];
const walk = (ss: Section[]) => ss.forEach((s) => (measures.push(...(s.measures ?? [])), walk(s.sections ?? [])));
walk(plan.sections ?? []);

/** Python's own csv module, as Excel users' tools would read the file. */
function readCsvWithPython(bytes: Buffer): string[][] {
  const r = spawnSync('python3', ['-c', 'import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig"))))))'], {
    input: bytes,
  });
  expect(r.status, String(r.stderr)).toBe(0);
  return JSON.parse(String(r.stdout)) as string[][];
}

describe('workplan build --doc tasks', () => {
  it('writes CSV that Python reads with the Chinese intact: a header, then one row per measure', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'workplan.js'), 'build', PLAN, '--doc', 'tasks', '--to', 'csv', '-o', '-'], {
      cwd: ROOT,
    });
    expect(r.status, String(r.stderr)).toBe(0);
    expect([...r.stdout.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = readCsvWithPython(r.stdout);
    expect(header).toEqual(['序号', '工作任务', '牵头单位', '责任单位', '完成时限', '目标']);
    expect(rows.map((row) => row[1])).toEqual(measures.map((m) => m.title));
    expect(rows.map((row) => row[2])).toEqual(measures.map((m) => m.lead ?? ''));
    expect(rows.map((row) => row[3])).toEqual(measures.map((m) => (m.responsible ?? []).join('、')));
    expect(rows.map((row) => row[0])).toEqual(measures.map((_, i) => String(i + 1)));
  });

  it('--task-numbers: section rows above their measures (still 1…N), or the opinion’s own labels', () => {
    const csv = (mode: string) => {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'workplan.js'), 'build', PLAN, '--doc', 'tasks', '--task-numbers', mode, '--to', 'csv', '-o', '-'], {
        cwd: ROOT,
      });
      expect(r.status, String(r.stderr)).toBe(0);
      return readCsvWithPython(r.stdout).slice(1);
    };
    const sections = csv('sections');
    const headings = sections.filter((row) => row.slice(1).every((cell) => cell === ''));
    expect(headings.map((row) => row[0])).toEqual((plan.sections ?? []).map((s, i) => `${'一二三四五六七八九十'[i]}、${s.title}`));
    const tasks = sections.filter((row) => !headings.includes(row));
    expect(tasks.map((row) => row[0])).toEqual(measures.map((_, i) => String(i + 1)));
    expect(sections[0]).toBe(headings[0]);
    expect(csv('outline')[0]![0]).toBe('一、1');
    const r = runCli(['build', PLAN, '--doc', 'tasks', '--task-numbers', 'roman', '--to', 'csv', '-o', '-']);
    expect(r.status).toBe(2);
  });

  it('--unit lists exactly the measures that name the unit, with its role', () => {
    for (const unit of ['区工商联', '区委组织部', '各镇街']) {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'workplan.js'), 'build', PLAN, '--doc', 'tasks', '--unit', unit, '--to', 'csv', '-o', '-'], {
        cwd: ROOT,
      });
      expect(r.status, String(r.stderr)).toBe(0);
      const [header, ...rows] = readCsvWithPython(r.stdout);
      expect(header!.at(-1)).toBe('本单位职责');
      const expected = measures.filter((m) => m.lead === unit || (m.responsible ?? []).includes(unit));
      expect(expected.length, unit).toBeGreaterThan(0);
      expect(rows.map((row) => row[1]), unit).toEqual(expected.map((m) => m.title));
      expect(rows.map((row) => row.at(-1)), unit).toEqual(expected.map((m) => (m.lead === unit ? '牵头' : '参与')));
    }
  });

  it('a unit with no tasks is reported, not an empty table', () => {
    const r = runCli(['build', PLAN, '--doc', 'tasks', '--unit', '区档案馆', '--to', 'md', '-o', '-']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('没有由“区档案馆”牵头或参与的举措');
  });

  it('writes an .xlsx ledger: byte-identical across builds, header frozen and printed on every page, rows sized to their text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-xlsx-'));
    const build = (name: string) => {
      const r = runCli(['build', PLAN, '--doc', 'tasks', '--to', 'xlsx', '-o', path.join(dir, name)]);
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(path.join(dir, name));
    };
    const a = build('a.xlsx');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(a.equals(build('b.xlsx'))).toBe(true);
    const parts = unzipSync(a);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    const workbook = strFromU8(parts['xl/workbook.xml']!);
    expect(workbook).toContain('name="2025年重点任务分工表"');
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'2025年重点任务分工表'!$1:$1</definedName>`);
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<pageSetup [^>]*fitToWidth="1"[^>]*orientation="landscape"/);
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    // One row per measure under the header, each as tall as its wrapped text.
    const rows = [...sheet.matchAll(/<row r="(\d+)"([^>]*)>/g)];
    expect(rows).toHaveLength(measures.length + 1);
    for (const [, , attrs] of rows.slice(1)) expect(attrs).toMatch(/ht="\d+(\.\d+)?" customHeight="1"/);
  });

  it('csv, xlsx and --unit belong to the task table only', () => {
    expect(runCli(['build', PLAN, '--to', 'csv']).status).toBe(2);
    expect(runCli(['build', PLAN, '--to', 'xlsx']).status).toBe(2);
    expect(runCli(['build', PLAN, '--doc', 'tasks', '--to', 'xlsx', '-o', '-']).status).toBe(2);
    expect(runCli(['build', PLAN, '--unit', '区工商联']).status).toBe(2);
  });
});

describe('workplan units', () => {
  it('counts every unit as lead and as responsible', () => {
    const r = runCli(['units', PLAN, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const [first] = JSON.parse(r.stdout) as { units: { unit: string; lead: number; responsible: number }[] }[];
    const units = first!.units;
    const lead = (u: string) => measures.filter((m) => m.lead === u).length;
    const resp = (u: string) => measures.filter((m) => (m.responsible ?? []).includes(u)).length;
    for (const u of units) {
      expect(u.lead, u.unit).toBe(lead(u.unit));
      expect(u.responsible, u.unit).toBe(resp(u.unit));
    }
    expect(units.find((u) => u.unit === '区委统战部')!.lead).toBe(lead('区委统战部'));
    const table = runCli(['units', PLAN]);
    expect(table.stdout).toMatch(/区工商联\s+2\s+2/);
  });
});
