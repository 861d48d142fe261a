/**
 * 进展填报表 end to end through the built binary: `status --forms` makes them, clients that are not
 * ours fill them (openpyxl as a unit's script would; LibreOffice Calc saving a filled .ods back as
 * .xlsx), `import-progress` reads them back. The openpyxl and LibreOffice parts skip, saying why,
 * on a machine without them; the core read-back is test/unit/progress-forms.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import type { Plan } from '../../src/plan/model.js';
import { allMeasures } from '../../src/plan/plan-walk.js';
import { EXPECTED, UNIT, fillForm, fillUnit, findOpenpyxl, findSoffice, readText, scratchPlan, writeBytes } from '../forms.js';
import { runCli } from '../helpers.js';

const FORM = `2025-工作安排意见-${UNIT}-进展填报表.xlsx`;

function makeForms(): { dir: string; plan: string; forms: string } {
  const { dir, plan } = scratchPlan();
  const r = runCli(['status', plan, '--as-of', '2025-09-30', '--forms', 'forms'], { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  return { dir, plan, forms: path.join(dir, 'forms') };
}

function reportsOf(source: string, id: string): unknown[] {
  const plan = parsePlan('p.yaml', new TextEncoder().encode(source)).loaded!.plan as Plan;
  const progress = allMeasures(plan).find((m) => m.measure.id === id)!.measure.progress;
  return Array.isArray(progress) ? progress : [];
}

/** Imports the forms, checks the reports against EXPECTED, and that a second import adds nothing. */
function importAndCheck(dir: string, plan: string, form: string): void {
  const before = readText(plan);
  const dry = runCli(['import-progress', form, '--into', plan, '--as-of', '2025-10-31', '--dry-run'], { cwd: dir });
  expect(dry.status, dry.stdout + dry.stderr).toBe(0);
  expect(dry.stdout).toMatch(/^\+\s+- date: 2025-10-08$/m);
  expect(dry.stdout).toContain('@@');
  expect(dry.stdout).toContain('+++ ' + path.relative(dir, plan) + '\t读回后');
  expect(readText(plan)).toBe(before);
  const run = runCli(['import-progress', form, '--into', plan, '--as-of', '2025-10-31'], { cwd: dir });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(run.stderr).toContain('已把 2 条进展写入');
  const after = readText(plan);
  expect(reportsOf(after, 'dialogue')).toEqual([...reportsOf(before, 'dialogue'), EXPECTED.dialogue]);
  expect(reportsOf(after, 'chambers')).toEqual([EXPECTED.chambers]);
  const again = runCli(['import-progress', form, '--into', plan, '--as-of', '2025-10-31'], { cwd: dir });
  expect(again.status).toBe(0);
  expect(again.stderr).toContain('没有新的进展可追加，2 条计划里已有');
  expect(readText(plan)).toBe(after);
}

describe('status --forms and import-progress', () => {
  it('makes one form per unit, and reads a filled one back; status then counts it', async () => {
    const { dir, plan, forms } = makeForms();
    const json = JSON.parse(runCli(['status', plan, '--as-of', '2025-10-31', '--format', 'json'], { cwd: dir }).stdout) as {
      plans: { status: { units: { unit: string; lead: Record<string, number> }[] } }[];
    };
    const units = json.plans[0]!.status.units;
    expect(readdirSync(forms).sort()).toEqual(units.map((u) => `2025-工作安排意见-${u.unit}-进展填报表.xlsx`).sort());
    const filled = writeBytes(path.join(dir, 'filled.xlsx'), await fillForm(readFileSync(path.join(forms, FORM)), fillUnit));
    importAndCheck(dir, plan, filled);
    const was = units.find((u) => u.unit === UNIT)!.lead;
    const now = (JSON.parse(runCli(['status', plan, '--as-of', '2025-10-31', '--format', 'json'], { cwd: dir }).stdout) as typeof json).plans[0]!.status.units.find((u) => u.unit === UNIT)!.lead;
    expect(now).toEqual({ ...was, done: was.done! + 1, 'on-track': was['on-track']! - 1 });
  });

  it('a bad form: file.xlsx!Sheet!C7, a Chinese message, the rule id, exit 1, the plan untouched', async () => {
    const { dir, plan, forms } = makeForms();
    const bad = writeBytes(
      path.join(dir, `${UNIT}.xlsx`),
      await fillForm(readFileSync(path.join(forms, FORM)), (ws) => {
        fillUnit(ws);
        ws.getCell('J6').value = '基本完成';
      }),
    );
    const before = readText(plan);
    const r = runCli(['import-progress', bad, '--into', plan], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`${UNIT}\\.xlsx!进展填报!J6\\s+错误\\s+进展状态“基本完成”不在下拉列表中.*form-state`));
    expect(r.stdout).not.toMatch(/at .*\.(js|cjs):\d+/);
    expect(r.stderr).toContain('计划文件未改动');
    expect(readText(plan)).toBe(before);
  });

  it('--into - (the plan on standard input): exit 2 before anything, nothing written, unless --dry-run only shows the diff', async () => {
    const { dir, plan, forms } = makeForms();
    const filled = writeBytes(path.join(dir, 'filled.xlsx'), await fillForm(readFileSync(path.join(forms, FORM)), fillUnit));
    const before = readdirSync(dir).sort();
    const r = runCli(['import-progress', filled, '--into', '-', '--as-of', '2025-10-31'], { cwd: dir, input: readText(plan) });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^workplan：--into - 从标准输入读计划，读回的进展却无处写回/);
    expect(readdirSync(dir).sort()).toEqual(before);
    const dry = runCli(['import-progress', filled, '--into', '-', '--as-of', '2025-10-31', '--dry-run'], { cwd: dir, input: readText(plan) });
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('+          - date: 2025-10-08');
  });

  it('a warning (two units, two figures) is printed, and the import goes on with exit 0', async () => {
    const { dir, plan, forms } = makeForms();
    const lead = writeBytes(path.join(dir, 'lead.xlsx'), await fillForm(readFileSync(path.join(forms, FORM)), fillUnit));
    const partner = writeBytes(
      path.join(dir, 'partner.xlsx'),
      await fillForm(readFileSync(path.join(forms, '2025-工作安排意见-区发展改革局-进展填报表.xlsx')), (ws) => {
        ws.getCell('J6').value = '推进中';
        ws.getCell('K6').value = 5;
        ws.getCell('P6').value = '2025-10-08';
      }),
    );
    const r = runCli(['import-progress', lead, partner, '--into', plan, '--as-of', '2025-10-31'], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toMatch(/partner\.xlsx!进展填报!K6\s+警告\s+.*召开政企恳谈会.*区发展改革局报5，区工商联报4：取区工商联（牵头单位）的\s+form-number/);
    expect(r.stderr).toContain('已把 2 条进展写入');
  });

  it('a path that is not there: exit 2 with a Chinese message', () => {
    const { dir, plan } = scratchPlan();
    const r = runCli(['import-progress', 'missing.xlsx', '--into', plan], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^workplan：.*missing\.xlsx/);
  });
});

const openpyxl = findOpenpyxl();

describe.skipIf(!openpyxl.python)(`openpyxl reads and fills the forms${openpyxl.python ? '' : ` (skipped: ${openpyxl.reason})`}`, () => {
  const inspect = (file: string) => {
    const r = spawnSync(
      openpyxl.python!,
      [
        '-c',
        `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(json.dumps({
  "sheets": [[s.title, s.sheet_state] for s in wb.worksheets],
  "protected": bool(ws.protection.sheet),
  "hiddenA": bool(ws.column_dimensions["A"].hidden),
  "orientation": ws.page_setup.orientation,
  "paper": int(ws.page_setup.paperSize),
  "fitToPage": bool(ws.sheet_properties.pageSetUpPr.fitToPage),
  "titles": ws.print_title_rows,
  "validations": sorted([[dv.type, str(dv.sqref), dv.formula1] for dv in ws.data_validations.dataValidation]),
  "locked": {c: bool(ws[c].protection.locked) for c in ["A6", "B6", "C6", "H6", "J6", "K6", "K7", "J7", "M6", "P6", "P7"]},
}, ensure_ascii=False))
`,
        file,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  };

  // 区工商联's rows: 4–5 同心向党 (two targets), 6–8 政企面对面 (three), 9–10 青蓝接力 (two), 11 商会 (one).
  const EXPECTED_FORM = {
    sheets: [
      ['进展填报', 'visible'],
      ['workplan', 'hidden'],
    ],
    protected: true,
    hiddenA: true,
    orientation: 'landscape',
    paper: 9,
    fitToPage: true,
    titles: '$3:$3',
    validations: [
      ['date', 'P4 P6 P9 P11', '45658'],
      ['decimal', 'K4 K5 K6 K7 K8 K9 K10 K11', '-1000000000000000'],
      ['list', 'J4 J6 J9 J11', '"未开始,推进中,已完成,滞后"'],
    ],
    locked: { A6: true, B6: true, C6: true, H6: true, J6: false, K6: false, K7: false, J7: true, M6: false, P6: false, P7: true },
  };

  it('sees the drop-down, number and date checks, the locked and open cells, the hidden key column and sheet, and the print setup', () => {
    const { forms } = makeForms();
    const seen = inspect(path.join(forms, FORM));
    // exceljs groups a validation's cells its own way (and may list one twice): compare each check's set of cells.
    const byCheck = new Map<string, Set<string>>();
    for (const [type, ranges, formula] of seen.validations as string[][]) {
      const key = `${type}\u0000${formula}`;
      const set = byCheck.get(key) ?? new Set<string>();
      for (const cell of cellsOf(ranges!).split(' ')) set.add(cell);
      byCheck.set(key, set);
    }
    const validations = [...byCheck].map(([key, cells]) => [key.split('\u0000')[0], cellsOf([...cells].join(' ')), key.split('\u0000')[1]]).sort();
    expect({ ...seen, validations }).toEqual(EXPECTED_FORM);
  });

  it('fills a form as a unit would, and import-progress reads back exactly what it wrote', () => {
    const { dir, plan, forms } = makeForms();
    const filled = path.join(dir, 'openpyxl.xlsx');
    const r = spawnSync(
      openpyxl.python!,
      [
        '-c',
        `
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
row = {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1)}
from urllib.parse import quote
k = lambda m, t: "id:" + m + "#" + quote(t, safe="")
d = row[k("dialogue", "召开政企恳谈会")]
ws.cell(d, 10).value = "已完成"
ws.cell(d, 11).value = 4
ws.cell(row[k("dialogue", "收集企业诉求")], 11).value = 120
ws.cell(row[k("dialogue", "企业诉求办结率")], 11).value = 97.5
ws.cell(d, 13).value = "四场恳谈会收集的诉求逐件建档跟踪"
ws.cell(d, 14).value = "少数诉求涉及多个部门，协调周期较长"
ws.cell(d, 15).value = "建立跨部门诉求会商机制"
ws.cell(d, 16).value = datetime.date(2025, 10, 8)
c = row[k("chambers", "创建“四好”商会")]
ws.cell(c, 10).value = "推进中"
ws.cell(c, 11).value = 3
wb.save(sys.argv[2])
`,
        path.join(forms, FORM),
        filled,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    importAndCheck(dir, plan, filled);
  });
});

/** openpyxl lists a validation's cells as ranges in its own grouping: compare them as cells. */
function cellsOf(sqref: string): string {
  return sqref
    .split(/\s+/)
    .flatMap((part) => {
      const m = /^([A-Z]+)(\d+)(?::[A-Z]+(\d+))?$/.exec(part)!;
      return Array.from({ length: Number(m[3] ?? m[2]) - Number(m[2]) + 1 }, (_, i) => `${m[1]}${Number(m[2]) + i}`);
    })
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .join(' ');
}

const soffice = findSoffice();

describe.skipIf(!soffice.soffice)(`LibreOffice Calc round trip${soffice.soffice ? '' : ` (skipped: ${soffice.reason})`}`, () => {
  const convert = (file: string, to: string, outdir: string, profile: string) => {
    const r = spawnSync(soffice.soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outdir, file], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    return path.join(outdir, `${path.basename(file).replace(/\.[^.]+$/, '')}.${to}`);
  };

  it('Calc opens every form of the 2025 example (one batch: each converted to .ods)', () => {
    const { dir, forms } = makeForms();
    const profile = mkdtempSync(path.join(tmpdir(), 'workplan-lo-'));
    const files = readdirSync(forms).map((f) => path.join(forms, f));
    const r = spawnSync(soffice.soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'ods', '--outdir', path.join(dir, 'ods'), ...files], { encoding: 'utf8', timeout: 300_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'ods')).sort()).toEqual(files.map((f) => path.basename(f).replace(/\.xlsx$/, '.ods')).sort());
  }, 120_000);

  it('a filled form saved by Calc as .ods and back to .xlsx reads back the same, drop-down and protection kept', async () => {
    const { dir, plan, forms } = makeForms();
    const profile = mkdtempSync(path.join(tmpdir(), 'workplan-lo-'));
    const filled = writeBytes(path.join(dir, 'filled.xlsx'), await fillForm(readFileSync(path.join(forms, FORM)), fillUnit));
    const ods = convert(filled, 'ods', path.join(dir, 'ods'), profile);
    const back = convert(ods, 'xlsx', path.join(dir, 'calc'), profile);
    importAndCheck(dir, plan, back);
    if (openpyxl.python) {
      const r = spawnSync(
        openpyxl.python,
        ['-c', 'import sys,openpyxl;ws=openpyxl.load_workbook(sys.argv[1]).worksheets[0];print(ws.protection.sheet, ws["J6"].protection.locked, ws["C6"].protection.locked, ws.column_dimensions["A"].hidden, sorted(set(dv.type for dv in ws.data_validations.dataValidation)), ws.print_title_rows)', back],
        { encoding: 'utf8' },
      );
      expect(r.stdout.trim()).toBe("True False True True ['date', 'decimal', 'list'] $3:$3");
    }
  });
});
