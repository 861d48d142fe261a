/**
 * `workplan import` of a 分工表 kept in Excel: the office's own columns, a title merged across the
 * table, 部分 rows merged across it, 80 tasks and a note under it. The plan it gives must build
 * back into a 分工表 .xlsx with the same cells; the same table saved as a GBK .csv must give the
 * same measures; files that are no 分工表 are refused with a Chinese message (exit 2).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers.js';

const HEADER = ['序号', '重点任务', '具体措施', '牵头单位', '责任单位', '完成时限', '分值'];
const UNITS = ['区委统战部', '区工商联', '区民族宗教事务局', '区侨联', '区委党校', '区台办'];
const PARTS = ['凝聚思想共识', '助推高质量发展', '做好民族宗教工作', '提升统战工作效能'];
// Original wording, varied so no two tasks read alike.
const VERBS = ['健全', '完善', '深化', '拓展', '规范', '做实', '优化', '推广'];
const OBJECTS = ['党外代表人士培养链条', '民营企业家联络机制', '新联会服务阵地', '宗教场所安全巡查', '侨界人才信息库', '同心实践基地', '网络人士联谊平台', '基层统战联络点'];
const WAYS = ['分季度排出清单，逐项明确责任人', '结合年度考核开展一次评估', '邀请党外人士全程参与并提出意见', '在试点街道先行，总结后全区推开', '建立台账，每月更新办理进度'];

interface Task {
  part: number;
  cells: (string | number)[];
}

function tasks(): Task[] {
  const out: Task[] = [];
  for (let n = 1; n <= 80; n++) {
    const object = OBJECTS[n % OBJECTS.length]!;
    out.push({
      part: Math.min(PARTS.length - 1, Math.floor((n - 1) / 20)),
      cells: [
        n,
        `${VERBS[n % VERBS.length]}${object}（第${n}项）`,
        `${WAYS[n % WAYS.length]}，确保${object}年内见到实效。`,
        // Tasks 1 and 2 share their lead: in the workbook one cell merged over both rows.
        UNITS[(n === 2 ? 1 : n) % UNITS.length]!,
        `${UNITS[(n + 1) % UNITS.length]}、${UNITS[(n + 3) % UNITS.length]}`,
        `2026年${(n % 12) + 1}月底前`,
        (n % 4) + 1,
      ],
    });
  }
  return out;
}

const TITLE = '2026年全区统一战线重点任务分工表';
const NOTE = '注：分值用于年终考核，由区委统战部会同各责任单位评定。';

async function writeWorkbook(file: string, extraSheet = false): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('分工表');
  sheet.addRow([TITLE]);
  sheet.mergeCells('A1:G1');
  sheet.addRow(HEADER);
  let part = -1;
  for (const task of tasks()) {
    if (task.part !== part) {
      part = task.part;
      const row = sheet.addRow([`${'一二三四'[part]}、${PARTS[part]}`]);
      sheet.mergeCells(`A${row.number}:G${row.number}`);
    }
    const row = sheet.addRow(task.cells);
    if (task.cells[0] === 2) sheet.mergeCells(`D${row.number - 1}:D${row.number}`);
  }
  const note = sheet.addRow([NOTE]);
  sheet.mergeCells(`A${note.number}:G${note.number}`);
  if (extraSheet) {
    book.addWorksheet('填表说明').addRow(['请于每季度末填报进展。']);
    const hidden = sheet.addRow([99, '已撤销的任务', '', '区台办', '', '', '']);
    hidden.hidden = true;
  }
  await book.xlsx.writeFile(file);
}

function csvText(): string {
  const quote = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = [TITLE, HEADER.join(',')];
  let part = -1;
  for (const task of tasks()) {
    if (task.part !== part) {
      part = task.part;
      lines.push(`${'一二三四'[part]}、${PARTS[part]},,,,,,`);
    }
    lines.push(task.cells.map(quote).join(','));
  }
  lines.push(NOTE);
  return `${lines.join('\r\n')}\r\n`;
}

/** The text of every cell of the first sheet, row by row, as a reader sees it. */
async function cellTexts(file: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const out: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= HEADER.length; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v));
    }
    out.push(cells);
  });
  return out;
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'wp-import-sheet-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('import of a 分工表 kept in Excel', () => {
  it('80 tasks under merged 部分 rows import into a plan whose 分工表 .xlsx has the same cells', async () => {
    const source = path.join(work, '分工表.xlsx');
    await writeWorkbook(source);
    const imported = runCli(['import', source, '-o', path.join(work, 'plan.yaml')], { cwd: work });
    expect(imported.status, imported.stderr).toBe(0);
    const plan = parse(readFileSync(path.join(work, 'plan.yaml'), 'utf8')) as { title: string; sections: { title: string; measures: unknown[] }[] };
    expect(plan.title).toBe(TITLE);
    expect(plan.sections.map((s) => s.title)).toEqual(PARTS);
    expect(plan.sections.reduce((n, s) => n + s.measures.length, 0)).toBe(80);
    // The merged 牵头单位 leads both tasks it spans.
    expect((plan.sections[0]!.measures as { lead?: string }[]).slice(0, 2).map((m) => m.lead)).toEqual([UNITS[1], UNITS[1]]);
    // The note under the table is kept, not lost.
    expect(readFileSync(path.join(work, 'plan.yaml'), 'utf8')).toContain(NOTE);

    // A table has no 成文日期: the import says so and leaves it to the writer, who writes it in.
    const text = readFileSync(path.join(work, 'plan.yaml'), 'utf8');
    expect(text).toMatch(/# 导入：原文没有成文日期/);
    expect(text).not.toMatch(/^date:/m);
    writeFileSync(path.join(work, 'plan.yaml'), text.replace(/^title: .*\n/m, (line) => `${line}date: 2026-01-20\n`));
    const checked = runCli(['check', 'plan.yaml'], { cwd: work });
    expect(checked.status, checked.stdout).toBe(0);
    const built = runCli(['build', 'plan.yaml', '--doc', 'tasks', '--to', 'xlsx', '-o', 'out'], { cwd: work });
    expect(built.status, built.stderr).toBe(0);
    const before = await cellTexts(source);
    const after = await cellTexts(path.join(work, 'out', 'plan-重点任务分工表.xlsx'));
    // The header and every row below it, 部分 rows included; the title and the note are the document's, not the table's.
    const body = (rows: string[][]) => rows.slice(rows.findIndex((r) => r[0] === '序号')).filter((r) => r[0] !== NOTE);
    expect(body(after)).toEqual(body(before));
  });

  it('the same table saved as a GBK .csv gives the same measures', async () => {
    const xlsx = path.join(work, 'same.xlsx');
    await writeWorkbook(xlsx);
    writeFileSync(path.join(work, 'same.csv'), iconv.encode(csvText(), 'gbk'));
    const fromXlsx = runCli(['import', xlsx, '-o', '-'], { cwd: work });
    const fromCsv = runCli(['import', 'same.csv', '-o', '-'], { cwd: work });
    expect(fromCsv.status, fromCsv.stderr).toBe(0);
    const a = parse(fromXlsx.stdout) as { sections: unknown; table: unknown };
    const b = parse(fromCsv.stdout) as { sections: unknown; table: unknown };
    expect(b.sections).toEqual(a.sections);
    expect(b.table).toEqual(a.table);
  });

  it('says which other sheets and which hidden rows it did not read', async () => {
    const file = path.join(work, 'two-sheets.xlsx');
    await writeWorkbook(file, true);
    const result = runCli(['import', file, '-o', '-'], { cwd: work });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/未导入.*填表说明/);
    expect(result.stderr).toMatch(/第 \d+ 行是隐藏的/);
    expect(result.stdout).not.toContain('已撤销的任务');
  });

  it('refuses what is no 分工表 it can read, in Chinese, exit 2, with nothing written', async () => {
    const xls = path.join(work, 'old.xls');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const old = runCli(['import', xls, '-o', path.join(work, 'old.yaml')], { cwd: work });
    expect(old.status).toBe(2);
    expect(old.stderr).toMatch(/旧版 Excel.*另存为 \.xlsx/);

    // A zip that names a workbook but holds no readable one.
    const { zipSync, strToU8 } = await import('fflate');
    const broken = path.join(work, 'broken.xlsx');
    writeFileSync(broken, zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="x" r:id="rId9"/></sheets>') }));
    const bad = runCli(['import', broken, '-o', path.join(work, 'broken.yaml')], { cwd: work });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^workplan：.*(损坏|没有可导入)/m);
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);

    const csv = path.join(work, 'bad.csv');
    writeFileSync(csv, '序号,重点任务\n1,"未闭合的引号\n');
    const badCsv = runCli(['import', csv, '-o', path.join(work, 'bad.yaml')], { cwd: work });
    expect(badCsv.status).toBe(2);
    expect(badCsv.stderr).toContain('CSV');
    for (const name of ['old.yaml', 'broken.yaml', 'bad.yaml']) expect(() => readFileSync(path.join(work, name))).toThrow();
  });
});
