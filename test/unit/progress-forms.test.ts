/**
 * 进展填报表 without any outside program: forms made for the 2025 example, filled with exceljs the
 * way a unit fills them, read back by import-progress into exactly the reports written; every bad
 * form gives its cell, a Chinese message and a rule id, and leaves the plan as it was.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { diffChars, diffLines } from 'diff';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planStatus } from '../../src/oversight/status-report.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { type Measure, type Plan } from '../../src/plan/model.js';
import { allMeasures } from '../../src/plan/plan-walk.js';
import { appendProgress } from '../../src/pipeline/append-progress.js';
import { importProgress } from '../../src/pipeline/import-progress.js';
import { MAX_FORM_ROWS } from '../../src/pipeline/read-progress-forms.js';
import { checkPlans } from '../../src/pipeline/check-plans.js';
import { progressFormPublications } from '../../src/pipeline/progress-forms.js';
import { ROOT } from '../helpers.js';
import { EXPECTED, UNIT, fillForm, fillUnit, makeForms, readText, rowOf, scratchPlan, targetKey, writeBytes } from '../forms.js';

const HAN = /[\u4e00-\u9fff]/;

function planOf(source: string): Plan {
  const loaded = parsePlan('plan.yaml', new TextEncoder().encode(source)).loaded;
  expect(loaded).toBeDefined();
  return loaded!.plan as Plan;
}

const measureById = (plan: Plan, id: string): Measure => allMeasures(plan).find((m) => m.measure.id === id)!.measure;
const reportsOf = (m: Measure) => (Array.isArray(m.progress) ? m.progress : []);

let forms: Map<string, Uint8Array>;
let filled: Uint8Array;

beforeAll(async () => {
  forms = await makeForms(scratchPlan().plan);
  filled = await fillForm(forms.get(UNIT)!, fillUnit);
});

describe('status --forms', () => {
  it('makes one form per unit that leads or shares a measure, each listing exactly its measures', async () => {
    const plan = planOf(readText(path.join(ROOT, 'plans', '2025-工作安排意见.yaml')));
    const units = planStatus(plan, { asOf: '2025-09-30' }).units.map((u) => u.unit);
    expect([...forms.keys()].sort()).toEqual([...units].sort());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(forms.get(UNIT)!) as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    const keys = new Set<string>();
    for (let r = 4; r <= ws.rowCount; r++) {
      const key = ws.getCell(r, 1).value;
      if (typeof key === 'string') keys.add(key.split('#')[0]!);
    }
    const mine = allMeasures(plan).filter((m) => [m.owners.lead, m.owners.responsible].flat().includes(UNIT));
    expect([...keys]).toEqual(mine.map((m) => `id:${m.measure.id}`));
    expect(ws.getCell('B2').value).toContain(`填报单位：${UNIT}`);
    expect(ws.getCell('B1').value).toContain('2025年全区统一战线工作安排意见');
  });

  it('makes only the form of --unit, by any name the registry gives it', async () => {
    const { plans } = await checkPlans([scratchPlan().plan]);
    const one = await progressFormPublications(plans, { asOf: '2025-09-30', unit: UNIT });
    expect(one.map((p) => p.name)).toEqual([`2025-工作安排意见-${UNIT}-进展填报表`]);
  });

  it('gives a 繁体 plan a 繁体 form: sheet, headers, drop-down and title', async () => {
    const hant = await makeForms(scratchPlan(path.join(ROOT, 'plans', '2025-港澳青年交流工作計劃.yaml')).plan);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from([...hant.values()][0]!) as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.name).toBe('進展填報');
    expect(ws.getCell('J3').value).toBe('進展狀態');
    expect(ws.getCell('B1').value).toMatch(/填報表$/);
    expect(ws.getCell('J4').dataValidation.formulae[0]).toBe('"未開始,推進中,已完成,滯後"');
  });
});

describe('import-progress', () => {
  it('reads a filled form back into exactly the reports written, and changes nothing else in the YAML', async () => {
    const { dir, plan } = scratchPlan();
    const file = writeBytes(path.join(dir, 'filled.xlsx'), filled);
    const result = await importProgress({ forms: [file], into: plan, asOf: '2025-10-31' });
    expect(result.diagnostics).toEqual([]);
    expect(result.added).toBe(2);
    const before = planOf(result.before!);
    const after = planOf(result.after!);
    expect(reportsOf(measureById(after, 'dialogue'))).toEqual([...reportsOf(measureById(before, 'dialogue')), EXPECTED.dialogue]);
    expect(reportsOf(measureById(after, 'chambers'))).toEqual([EXPECTED.chambers]);
    // Only insertions: every character of the old file is still there, in order (comments, key order, flow maps).
    const parts = diffLines(result.before!, result.after!);
    expect(parts.filter((p) => p.removed)).toEqual([]);
    expect(parts.filter((p) => !p.added).map((p) => p.value).join('')).toBe(result.before);
    expect(result.after).toContain('# 澄湖区为虚构地区');
  });

  it('then status reports the new counts, and reading the same form again adds nothing', async () => {
    const { dir, plan } = scratchPlan();
    const file = writeBytes(path.join(dir, 'filled.xlsx'), filled);
    const first = await importProgress({ forms: [file], into: plan, asOf: '2025-10-31' });
    const unitOf = (source: string) => planStatus(planOf(source), { asOf: '2025-10-31' }).units.find((u) => u.unit === UNIT)!;
    const was = unitOf(first.before!);
    writeFileSync(plan, first.after!);
    const now = unitOf(first.after!);
    // dialogue (led by 区工商联) was on track on 31 October; the form reports it done.
    expect(planStatus(planOf(first.before!), { asOf: '2025-10-31' }).measures.find((m) => m.title === '开展“政企面对面”恳谈活动')!.state).toBe('on-track');
    expect(now.lead).toEqual({ ...was.lead, done: was.lead.done + 1, 'on-track': was.lead['on-track'] - 1 });
    const second = await importProgress({ forms: [file], into: plan, asOf: '2025-10-31' });
    expect(second.added).toBe(0);
    expect(second.unchanged).toBe(2);
    expect(second.after).toBe(first.after);
  });

  it('reads a 繁体 form back, its state chosen from the 繁体 drop-down', async () => {
    const { dir, plan } = scratchPlan(path.join(ROOT, 'plans', '2025-港澳青年交流工作計劃.yaml'));
    const hant = await makeForms(plan);
    const unit = '區教育局';
    const form = await fillForm(hant.get(unit)!, (ws) => {
      ws.getCell('J4').value = '推進中';
      ws.getCell('K4').value = 36;
      ws.getCell('M4').value = '首批實習生已到崗';
      ws.getCell('P4').value = '2025年7月15日';
    });
    const result = await importProgress({ forms: [writeBytes(path.join(dir, 'f.xlsx'), form)], into: plan });
    expect(result.diagnostics).toEqual([]);
    const measureIn = (source: string) => allMeasures(planOf(source)).find((m) => m.measure.title === '辦好港澳大學生暑期實習')!.measure;
    expect(reportsOf(measureIn(result.after!))).toEqual([
      ...reportsOf(measureIn(result.before!)),
      { date: '2025-07-15', status: 'ongoing', result: '首批實習生已到崗', values: { 接待港澳大學生實習: 36 } },
    ]);
  });

  it('reads rows in any order: the hidden key, not the position, names the measure', async () => {
    const { dir, plan } = scratchPlan();
    const shuffled = await fillForm(filled, (ws) => {
      // Move every data row one place down, the last to the top, as sorting by another column would.
      const rows: ExcelJS.CellValue[][] = [];
      const first = 4;
      const last = rowOf(ws, targetKey('chambers', '创建“四好”商会'));
      for (let r = first; r <= last; r++) rows.push(Array.from({ length: 16 }, (_, c) => ws.getCell(r, c + 1).value));
      rows.unshift(rows.pop()!);
      rows.forEach((cells, i) => cells.forEach((v, c) => (ws.getCell(first + i, c + 1).value = v)));
    });
    const result = await importProgress({ forms: [writeBytes(path.join(dir, 'f.xlsx'), shuffled)], into: plan, asOf: '2025-10-31' });
    expect(result.diagnostics).toEqual([]);
    expect(reportsOf(measureById(planOf(result.after!), 'dialogue')).at(-1)).toEqual(EXPECTED.dialogue);
    expect(reportsOf(measureById(planOf(result.after!), 'chambers'))).toEqual([EXPECTED.chambers]);
  });

  const at = (ws: ExcelJS.Worksheet, id: string, target?: string) => rowOf(ws, targetKey(id, target));
  const D = (ws: ExcelJS.Worksheet) => at(ws, 'dialogue', '召开政企恳谈会');
  type Case = { name: string; edit?: (ws: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void; bytes?: () => Promise<Uint8Array> | Uint8Array; into?: string; unit?: string; rule: string; cell?: (ws: ExcelJS.Worksheet) => string };
  const cases: Case[] = [
    { name: 'a state not in the list', edit: (ws) => (ws.getCell(`J${D(ws)}`).value = '完成了'), rule: 'form-state', cell: (ws) => `J${D(ws)}` },
    { name: 'a state missing where figures are filled', edit: (ws) => (ws.getCell(`J${D(ws)}`).value = null), rule: 'form-state', cell: (ws) => `J${D(ws)}` },
    { name: 'text in a number cell', edit: (ws) => (ws.getCell(`K${at(ws, 'dialogue', '收集企业诉求')}`).value = '120件'), rule: 'form-number', cell: (ws) => `K${at(ws, 'dialogue', '收集企业诉求')}` },
    { name: 'the key column deleted', edit: (ws) => ws.spliceColumns(1, 1), rule: 'form-layout', cell: () => 'A3' },
    { name: 'a header renamed', edit: (ws) => (ws.getCell('K3').value = '数量'), rule: 'form-layout', cell: () => 'K3' },
    { name: 'a column added', edit: (ws) => (ws.getCell('Q3').value = '联系人'), rule: 'form-layout', cell: () => 'Q3' },
    { name: 'an unknown key', edit: (ws) => (ws.getCell(`A${D(ws)}`).value = 'id:no-such-measure'), rule: 'form-key', cell: () => 'A6' },
    { name: 'a filled row whose key was cleared', edit: (ws) => { const r = D(ws); ws.getCell(`A${r}`).value = null; }, rule: 'form-key', cell: () => 'A6' },
    { name: 'a duplicated key', edit: (ws) => { const r = at(ws, 'dialogue', '收集企业诉求'); ws.getCell(`A${r}`).value = ws.getCell(`A${D(ws)}`).value; }, rule: 'form-key', cell: (ws) => `A${D(ws) + 1}` },
    { name: 'a row of a measure the unit has no part in', edit: (ws) => (ws.getCell(`A${D(ws)}`).value = targetKey('theory', '培训党外代表人士')), rule: 'form-unit', cell: () => 'A6' },
    { name: 'rows scrambled (a task moved without its key)', edit: (ws) => (ws.getCell(`C${D(ws)}`).value = '推动商会组织规范发展'), rule: 'form-key', cell: (ws) => `C${D(ws)}` },
    { name: 'a grey cell filled', edit: (ws) => (ws.getCell(`J${at(ws, 'dialogue', '收集企业诉求')}`).value = '推进中'), rule: 'form-layout', cell: (ws) => `J${at(ws, 'dialogue', '收集企业诉求')}` },
    { name: 'a date outside the plan year', edit: (ws) => (ws.getCell(`P${D(ws)}`).value = new Date(Date.UTC(2024, 11, 31))), rule: 'form-date', cell: (ws) => `P${D(ws)}` },
    { name: 'a date that is no date', edit: (ws) => (ws.getCell(`P${D(ws)}`).value = '九月底'), rule: 'form-date', cell: (ws) => `P${D(ws)}` },
    { name: 'a merged cell', edit: (ws) => ws.mergeCells(`M${D(ws)}:M${D(ws) + 1}`), rule: 'form-layout', cell: (ws) => `M${D(ws)}` },
    { name: 'the record sheet removed', edit: (_ws, book) => book.removeWorksheet(book.getWorksheet('workplan')!.id), rule: 'form-plan', cell: () => 'A1' },
    { name: 'a form of another plan', into: path.join(ROOT, 'plans', '2026-工作安排意见.yaml'), rule: 'form-plan', cell: () => 'B1' },
    { name: 'a form of another unit', unit: '区委统战部', rule: 'form-unit', cell: () => 'B2' },
    { name: 'an empty form', bytes: () => forms.get(UNIT)!, rule: 'form-empty', cell: () => 'J4' },
    { name: 'an old .xls', bytes: () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), rule: 'form-file' },
    { name: 'a corrupt zip', bytes: () => filled.slice(0, Math.floor(filled.length / 2)), rule: 'form-file' },
    { name: 'a file that is no workbook', bytes: () => new TextEncoder().encode('序号,工作任务\n1,规范开展政党协商\n'), rule: 'form-file' },
    {
      name: 'a huge sheet',
      bytes: async () => {
        const book = new ExcelJS.Workbook();
        const ws = book.addWorksheet('进展填报');
        for (let r = 1; r <= MAX_FORM_ROWS + 1; r++) ws.getCell(r, 1).value = r;
        return new Uint8Array(await book.xlsx.writeBuffer());
      },
      rule: 'form-file',
    },
  ];

  it.each(cases)('$name: its cell, a Chinese message, rule $rule, and the plan as it was', async (c) => {
    const { dir, plan } = scratchPlan(c.into ?? undefined);
    const bytes = c.bytes ? await c.bytes() : await fillForm(filled, c.edit ?? (() => {}));
    const file = writeBytes(path.join(dir, '区工商联.xlsx'), bytes);
    const before = readText(plan);
    const result = await importProgress({ forms: [file], into: plan, asOf: '2025-10-31', ...(c.unit ? { unit: c.unit } : {}) });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.ruleId).toBe(c.rule);
    expect(errors[0]!.message).toMatch(HAN);
    expect(errors[0]!.file).toBe(path.relative(process.cwd(), file));
    if (c.cell) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      expect(errors[0]!.cell).toBe(`进展填报!${c.cell(book.worksheets[0]!)}`);
    } else expect(errors[0]!.cell).toBeUndefined();
    expect(result.added).toBe(0);
    expect(result.after ?? before).toBe(before);
    expect(readText(plan)).toBe(before);
  });

  it('a bad form among good ones: nothing is added from any of them', async () => {
    const { dir, plan } = scratchPlan();
    const good = writeBytes(path.join(dir, 'good.xlsx'), filled);
    const bad = writeBytes(path.join(dir, 'bad.xlsx'), await fillForm(filled, (ws) => (ws.getCell(`J${D(ws)}`).value = '差不多')));
    const result = await importProgress({ forms: [good, bad], into: plan, asOf: '2025-10-31' });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['form-state']);
    expect(result.after).toBe(result.before);
  });
});

describe('appendProgress', () => {
  const SOURCE = [
    '# 计划的注释',
    'title: 2025年测试计划',
    'date: 2025-01-10',
    'sections:',
    '  - title: 第一部分',
    '    measures:',
    '      - title: 有进展的举措   # 行尾注释',
    '        progress:',
    '          - { date: 2025-03-31, status: ongoing }',
    '          # 进展列表后的注释',
    '      - title: 正文是块标量的举措',
    '        text: |',
    '          第一行',
    '          第二行',
    '      - { title: 流式举措 }',
    '      - title: 单条进展的举措',
    '        progress: { status: ongoing }',
    '      - title: 最后一项',
    '        lead: "区委统战部"',
  ].join('\n');

  const load = () => parsePlan('plan.yaml', new TextEncoder().encode(SOURCE)).loaded!;
  const report = { date: '2025-06-30', status: 'done' as const, result: '成效：一句话，带“引号”和 # 号', values: { 指标: 3 } };

  it('inserts after the last report, after a block scalar, and at a file end without a newline, keeping every other byte', () => {
    const loaded = load();
    const out = appendProgress(loaded, [
      { path: ['sections', 0, 'measures', 0], label: '第一部分第 1 项', reports: [report] },
      { path: ['sections', 0, 'measures', 1], label: '第一部分第 2 项', reports: [report] },
      { path: ['sections', 0, 'measures', 4], label: '第一部分第 5 项', reports: [report] },
    ]);
    expect('source' in out).toBe(true);
    const source = (out as { source: string }).source;
    // Character by character: nothing of the old file removed (the file's last line only gains its newline).
    const parts = diffChars(SOURCE, source);
    expect(parts.filter((p) => p.removed)).toEqual([]);
    const plan = planOf(source);
    const measures = plan.sections![0]!.measures!;
    expect(measures[0]!.progress).toEqual([{ date: '2025-03-31', status: 'ongoing' }, report]);
    expect(measures[1]!.progress).toEqual([report]);
    expect(measures[1]!.text).toBe('第一行\n第二行\n');
    expect(measures[4]!.progress).toEqual([report]);
  });

  it('keeps the line endings of a CRLF file', () => {
    const crlf = SOURCE.replace(/\n/g, '\r\n');
    const loaded = parsePlan('plan.yaml', new TextEncoder().encode(crlf)).loaded!;
    const out = appendProgress(loaded, [{ path: ['sections', 0, 'measures', 0], label: '第一部分第 1 项', reports: [report] }]) as { source: string };
    expect(out.source.replace(/\r\n/g, '')).not.toContain('\n');
    expect(diffChars(crlf, out.source).filter((p) => p.removed)).toEqual([]);
    expect(planOf(out.source).sections![0]!.measures![0]!.progress).toEqual([{ date: '2025-03-31', status: 'ongoing' }, report]);
  });

  it('refuses a flow-style measure and a single undated progress, naming the measure, and changes nothing', () => {
    const out = appendProgress(load(), [
      { path: ['sections', 0, 'measures', 2], label: '第一部分第 3 项', reports: [report] },
      { path: ['sections', 0, 'measures', 3], label: '第一部分第 4 项', reports: [report] },
    ]);
    expect('diagnostics' in out).toBe(true);
    const diagnostics = (out as { diagnostics: { ruleId: string; message: string; line: number }[] }).diagnostics;
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['form-progress', 'form-progress']);
    expect(diagnostics[0]!.message).toContain('第一部分第 3 项');
    expect(diagnostics[1]!.message).toContain('不带日期的单条进展');
    expect(diagnostics[1]!.line).toBe(17);
  });
});
