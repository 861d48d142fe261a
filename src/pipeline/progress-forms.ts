/**
 * `status --forms`: each unit's 进展填报表 as a publication (.xlsx through the publishing stage, in
 * the plan's script). The form lists the unit's measures with the plan's cells locked, the cells
 * to fill open and checked by Excel itself, and a hidden key per row that import-progress reads.
 */
import { type ProgressForm, FORM_STATES, goalText, progressForms, rowCells } from '../oversight/progress-form.js';
import type { FormColumn, FormSheet } from '../emit/form-xlsx.js';
import { unitRegistry } from '../plan/config.js';
import { STDIN_PATH } from '../plan/load-plan.js';
import { isSpeechFile } from '../plan/model.js';
import { formatChineseDate } from '../text/dates.js';
import { type Words, finalWords } from '../text/script.js';
import type { CheckedPlan } from './check-plans.js';
import { chooseScript } from './plan-script.js';
import { FORM_COLUMNS, FORM_SHEET, FORM_VERSION, INFO_SHEET, encodeFormInfo, rowKey } from './progress-form-layout.js';
import { type Publication, outputNames } from './publish-documents.js';
import type { Script } from '../text/script.js';

export interface FormRequest {
  asOf: string;
  unit?: string | undefined;
  script?: Script | undefined;
}

/** The forms of every plan (one per unit, or the one of `unit`). */
export async function progressFormPublications(checked: readonly CheckedPlan[], request: FormRequest): Promise<Publication[]> {
  const names = outputNames(checked.filter((p) => p.file !== STDIN_PATH).map((p) => p.file));
  const publications: Publication[] = [];
  for (const p of checked) {
    if (!p.loaded || isSpeechFile(p.loaded.plan)) continue;
    const plan = p.loaded.plan;
    const script = await chooseScript(plan, request.script);
    const base = names.get(p.file);
    for (const form of progressForms(plan, { asOf: request.asOf, unit: request.unit, units: unitRegistry(p.config.config) })) {
      publications.push({
        name: base && `${base}-${safeName(form.unit)}${finalWords(script, '-进展填报表')}`,
        blocks: [],
        form: formSheet(form, script.words),
        meta: { title: form.planTitle, creator: plan.issuer ?? 'workplan', date: form.asOf, pageNumbers: 'outside' },
        script,
        formats: ['xlsx'],
      });
    }
  }
  return publications;
}

/** A unit's name as part of a file name: the characters no file system takes become ＿. */
function safeName(unit: string): string {
  return unit.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '＿');
}

/** The form laid out as a sheet: the tool's words through `words`, the plan's text as written. */
export function formSheet(form: ProgressForm, words: Words): FormSheet {
  const states = FORM_STATES.map((s) => words(s.label));
  const from = `${form.year}-01-01`;
  const to = `${form.year}-12-31`;
  const columns: FormColumn[] = FORM_COLUMNS.map((c) => ({
    header: words(c.header),
    width: c.width,
    fill: c.fill,
    ...(c.id === 'key' ? { hidden: true } : {}),
    ...(c.id === 'state' ? { validation: { type: 'list' as const, values: states, message: words`请从下拉列表中选择：${states.join('、')}` } } : {}),
    ...(c.id === 'value' ? { validation: { type: 'decimal' as const, message: words('这一格只能填数字（不带单位，单位见右边一格）') } } : {}),
    ...(c.id === 'date' ? { validation: { type: 'date' as const, from, to, message: words`请填写${String(form.year)}年内的日期，例如${String(form.year)}-09-30` } } : {}),
  }));
  // One row per target (a measure without targets has one row); the measure's own cells on its first.
  const rows = form.rows.flatMap((row) => {
    const plan = rowCells(row);
    const targets = row.targets.length ? row.targets : [undefined];
    return targets.map((target, t) =>
      FORM_COLUMNS.map((c): string | null => {
        if (c.perMeasure && t > 0) return null;
        switch (c.id) {
          case 'key':
            return rowKey(row.key, target?.name);
          case 'role':
            return words(row.role === 'lead' ? '牵头' : '参与');
          case 'target':
            return target?.name ?? '';
          case 'goal':
            return target ? goalText(target) : '';
          case 'unit':
            return target?.unit ?? '';
          case 'value':
            return target ? '' : null;
          case 'seq':
          case 'title':
          case 'lead':
          case 'responsible':
          case 'due':
            return plan[c.id];
          default:
            return '';
        }
      }),
    );
  });
  return {
    sheet: words(FORM_SHEET),
    title: words`《${form.planTitle}》重点任务推进情况填报表`,
    subtitle: words`填报单位：${form.unit}　　填报期间：${String(form.year)}年${words(form.period)}（截至${words(formatChineseDate(form.asOf))}）`,
    columns,
    rows,
    note: words(
      '填报说明：浅黄色的格由本单位填写，其余各格按计划列出，不能修改。每项任务的每项指标占一行，进展状态、工作成效、存在问题、下步打算和填报日期填在这项任务的第一行；进展状态从下拉列表中选择；完成值只填数字，单位见右边一格；灰色格不用填写。不要增删行列或合并单元格，填好后原样报回，由牵头部门用 workplan import-progress 读回计划。',
    ),
    infoSheet: INFO_SHEET,
    info: encodeFormInfo({ v: FORM_VERSION, plan: form.planTitle, year: form.year, unit: form.unit, asOf: form.asOf }),
  };
}
