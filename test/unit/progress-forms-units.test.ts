/**
 * Several units' forms on one measure: the lead unit (区工商联) and a participant (区发展改革局)
 * both report “政企面对面” on the same day. One report comes of them, the lead's state and figures
 * with the participant's words under its name; a blank 完成值 is “not reported”, never 0.
 */
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planStatus } from '../../src/oversight/status-report.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import type { Measure, Plan } from '../../src/plan/model.js';
import { allMeasures } from '../../src/plan/plan-walk.js';
import { importProgress } from '../../src/pipeline/import-progress.js';
import { EXPECTED, UNIT, fillForm, fillUnit, makeForms, rowOf, scratchPlan, targetKey, writeBytes } from '../forms.js';

const PARTNER = '区发展改革局';
const OTHER = '区市场监管局';

function planOf(source: string): Plan {
  return parsePlan('plan.yaml', new TextEncoder().encode(source)).loaded!.plan as Plan;
}
const dialogueOf = (source: string): Measure => allMeasures(planOf(source)).find((m) => m.measure.id === 'dialogue')!.measure;
const reportsOf = (m: Measure) => (Array.isArray(m.progress) ? m.progress : []);
const dialogueStatus = (source: string, asOf: string) => planStatus(planOf(source), { asOf }).measures.find((m) => m.title === '开展“政企面对面”恳谈活动')!;

let partnerRow = 0;

/** A participant's word on dialogue: a state, no figures, a sentence of its own. */
const fillPartner =
  (state: string, result = '配合梳理企业融资方面的诉求清单', value?: number) =>
  (ws: ExcelJS.Worksheet) => {
    const row = rowOf(ws, targetKey('dialogue', '召开政企恳谈会'));
    partnerRow = row;
    ws.getCell(`J${row}`).value = state;
    if (value !== undefined) ws.getCell(`K${row}`).value = value;
    ws.getCell(`M${row}`).value = result;
    ws.getCell(`P${row}`).value = '2025-10-08';
  };

let forms: Map<string, Uint8Array>;
beforeAll(async () => {
  forms = await makeForms(scratchPlan().plan);
});

describe('import-progress: several units, one measure, one day', () => {
  for (const order of ['lead first', 'participant first'] as const) {
    it(`makes one report with the lead's state and figures, the participant's words under its name (${order})`, async () => {
      const { dir, plan } = scratchPlan();
      const lead = writeBytes(path.join(dir, 'lead.xlsx'), await fillForm(forms.get(UNIT)!, fillUnit));
      const partner = writeBytes(path.join(dir, 'partner.xlsx'), await fillForm(forms.get(PARTNER)!, fillPartner('推进中')));
      const result = await importProgress({ forms: order === 'lead first' ? [lead, partner] : [partner, lead], into: plan, asOf: '2025-10-31' });
      expect(result.diagnostics).toEqual([]);
      expect(reportsOf(dialogueOf(result.after!))).toEqual([
        ...reportsOf(dialogueOf(result.before!)),
        { ...EXPECTED.dialogue, note: `${EXPECTED.dialogue.note}。${PARTNER}：工作成效：配合梳理企业融资方面的诉求清单` },
      ]);
      const status = dialogueStatus(result.after!, '2025-10-31');
      expect(status.state).toBe('done');
      expect(status.targets.map((t) => t.percent)).toEqual([100, 100, 100]);
    });
  }

  it('keeps the lead unit’s figure when a participant gives another, with a warning at the participant’s cell', async () => {
    const { dir, plan } = scratchPlan();
    const lead = writeBytes(path.join(dir, 'lead.xlsx'), await fillForm(forms.get(UNIT)!, fillUnit));
    const partner = writeBytes(path.join(dir, 'partner.xlsx'), await fillForm(forms.get(PARTNER)!, fillPartner('已完成', '协助办理', 5)));
    const result = await importProgress({ forms: [partner, lead], into: plan, asOf: '2025-10-31' });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, path.basename(d.file), d.cell])).toEqual([['form-number', 'warning', 'partner.xlsx', `进展填报!K${partnerRow}`]]);
    expect(result.diagnostics[0]!.message).toContain('取区工商联（牵头单位）的');
    expect(reportsOf(dialogueOf(result.after!)).at(-1)!.values).toEqual(EXPECTED.dialogue.values);
  });

  it('refuses two participants that disagree on the state when the lead sent no form, and changes nothing', async () => {
    const { dir, plan } = scratchPlan();
    const a = writeBytes(path.join(dir, 'a.xlsx'), await fillForm(forms.get(PARTNER)!, fillPartner('推进中')));
    const b = writeBytes(path.join(dir, 'b.xlsx'), await fillForm(forms.get(OTHER)!, fillPartner('滞后', '抽查恳谈会诉求的办理情况')));
    const result = await importProgress({ forms: [a, b], into: plan });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, path.basename(d.file)])).toEqual([
      ['form-state', 'error', 'a.xlsx'],
      ['form-state', 'error', 'b.xlsx'],
    ]);
    expect(result.diagnostics[0]!.message).toContain('请牵头单位填报');
    expect(result.after).toBe(result.before);
  });

  it('does not let a participant alone move the state: the measure keeps the lead unit’s, the participant’s is in the note', async () => {
    const { dir, plan } = scratchPlan();
    const partner = writeBytes(path.join(dir, 'partner.xlsx'), await fillForm(forms.get(PARTNER)!, fillPartner('已完成')));
    const result = await importProgress({ forms: [partner], into: plan });
    expect(result.diagnostics).toEqual([]);
    expect(reportsOf(dialogueOf(result.after!)).at(-1)).toEqual({
      date: '2025-10-08',
      status: 'ongoing',
      result: '配合梳理企业融资方面的诉求清单',
      note: `${PARTNER}报的进展状态为“已完成”，进展状态以牵头单位为准`,
    });
    expect(dialogueStatus(result.after!, '2025-10-31').state).toBe(dialogueStatus(result.before!, '2025-10-31').state);
  });

  it('does not let a later report with blank 完成值 cells wipe the figures: they count as not reported, not 0', async () => {
    const { dir, plan } = scratchPlan();
    const form = await fillForm(forms.get(UNIT)!, (ws) => {
      const row = rowOf(ws, targetKey('dialogue', '召开政企恳谈会'));
      ws.getCell(`J${row}`).value = '推进中';
      ws.getCell(`P${row}`).value = '2025-10-20';
    });
    const result = await importProgress({ forms: [writeBytes(path.join(dir, 'f.xlsx'), form)], into: plan });
    expect(result.diagnostics).toEqual([]);
    const before = dialogueStatus(result.before!, '2025-10-20');
    const after = dialogueStatus(result.after!, '2025-10-20');
    expect(after.reportDate).toBe('2025-10-20');
    expect(after.targets.map((t) => t.actual)).toEqual(before.targets.map((t) => t.actual));
    expect(after.targets.every((t) => t.actual !== undefined)).toBe(true);
  });

  it('warns and adds nothing when the plan already holds another report of that measure and day', async () => {
    const { dir, plan } = scratchPlan();
    const lead = writeBytes(path.join(dir, 'lead.xlsx'), await fillForm(forms.get(UNIT)!, fillUnit));
    const first = await importProgress({ forms: [lead], into: plan, asOf: '2025-10-31' });
    writeFileSync(plan, first.after!);
    const partner = writeBytes(path.join(dir, 'partner.xlsx'), await fillForm(forms.get(PARTNER)!, fillPartner('推进中')));
    const second = await importProgress({ forms: [partner], into: plan });
    expect(second.diagnostics.map((d) => [d.ruleId, d.severity, path.basename(d.file)])).toEqual([['form-progress', 'warning', 'partner.xlsx']]);
    expect(second.after).toBe(first.after);
  });
});


describe('import-progress: the date of a row whose 填报日期 is empty', () => {
  const fillUndated = (modified?: Date) => (ws: ExcelJS.Worksheet, book: ExcelJS.Workbook) => {
    ws.getCell(`J${rowOf(ws, targetKey('chambers', '创建“四好”商会'))}`).value = '推进中';
    if (modified) book.modified = modified;
  };
  const dateOf = async (bytes: Uint8Array, asOf?: string) => {
    const { dir, plan } = scratchPlan();
    const result = await importProgress({ forms: [writeBytes(path.join(dir, 'f.xlsx'), bytes)], into: plan, ...(asOf ? { asOf } : {}) });
    expect(result.diagnostics).toEqual([]);
    return reportsOf(allMeasures(planOf(result.after!)).find((m) => m.measure.id === 'chambers')!.measure).at(-1)!.date;
  };

  it('is --as-of, else the date the workbook records as last saved (the form’s own date until someone saves it)', async () => {
    expect(await dateOf(await fillForm(forms.get(UNIT)!, fillUndated(new Date(Date.UTC(2025, 9, 12, 8)))), '2025-10-20')).toBe('2025-10-20');
    expect(await dateOf(await fillForm(forms.get(UNIT)!, fillUndated(new Date(Date.UTC(2025, 9, 12, 8)))))).toBe('2025-10-12');
    // Never saved since status --forms made it (as of 2025-09-30): the workbook still says 2025-09-30.
    expect(await dateOf(await fillForm(forms.get(UNIT)!, fillUndated()))).toBe('2025-09-30');
  });
});

describe('import-progress: how a 完成值 cell was typed', () => {
  const read = async (edit: (ws: ExcelJS.Worksheet) => void) => {
    const { dir, plan } = scratchPlan();
    const form = await fillForm(forms.get(UNIT)!, (ws) => {
      fillUnit(ws);
      edit(ws);
    });
    const result = await importProgress({ forms: [writeBytes(path.join(dir, 'f.xlsx'), form)], into: plan, asOf: '2025-10-31' });
    return { result, values: result.diagnostics.length ? undefined : reportsOf(dialogueOf(result.after!)).at(-1)!.values };
  };
  const cellOf = (ws: ExcelJS.Worksheet, target: string) => ws.getCell(`K${rowOf(ws, targetKey('dialogue', target))}`);

  it('reads 97.5% typed into a percentage cell (stored 0.975) as 97.5 of a % target', async () => {
    const { values, result } = await read((ws) => {
      const cell = cellOf(ws, '企业诉求办结率');
      cell.value = 0.975;
      // A style of its own: exceljs shares one style object among the cells the form styled alike.
      cell.style = { ...cell.style, numFmt: '0.0%' };
    });
    expect(values, JSON.stringify(result.diagnostics.map((d) => [d.cell, d.message]))).toEqual(EXPECTED.dialogue.values);
  });

  it('refuses a percentage cell for a target counted in 件', async () => {
    let row = 0;
    const { result } = await read((ws) => {
      const cell = cellOf(ws, '收集企业诉求');
      row = Number(cell.row);
      cell.value = 1.2;
      cell.style = { ...cell.style, numFmt: '0%' };
    });
    expect(result.diagnostics.map((d) => [d.ruleId, d.cell])).toEqual([['form-number', `进展填报!K${row}`]]);
    expect(result.diagnostics[0]!.message).toContain('单位却是“件”');
  });

  it('reads a formula by its result, and reports one saved without a result instead of taking it for an empty cell', async () => {
    const withResult = await read((ws) => {
      cellOf(ws, '收集企业诉求').value = { formula: '100+20', result: 120 } as ExcelJS.CellValue;
    });
    expect(withResult.values).toEqual(EXPECTED.dialogue.values);
    let row = 0;
    const { result } = await read((ws) => {
      const cell = cellOf(ws, '收集企业诉求');
      row = Number(cell.row);
      cell.value = { formula: '100+20' } as ExcelJS.CellValue;
    });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.cell])).toEqual([['form-formula', 'error', `进展填报!K${row}`]]);
    expect(result.diagnostics[0]!.message).toContain('=100+20');
    expect(result.after).toBe(result.before);
  });
});
