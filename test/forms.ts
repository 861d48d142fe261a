/** Shared by the 进展填报表 tests: forms made by the tool, filled the way a unit would, in a scratch repository. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { checkPlans } from '../src/pipeline/check-plans.js';
import { decodeFormInfo } from '../src/pipeline/progress-form-layout.js';
import { progressFormPublications } from '../src/pipeline/progress-forms.js';
import { publishDocument } from '../src/pipeline/publish-documents.js';
import { ROOT } from './helpers.js';

export const EXAMPLE = path.join(ROOT, 'plans', '2025-工作安排意见.yaml');
export const UNIT = '区工商联';

/** A scratch repository holding a copy of a plan (and no workplan.config.yaml). */
export function scratchPlan(source = EXAMPLE): { dir: string; plan: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'workplan-forms-'));
  mkdirSync(path.join(dir, 'plans'));
  const plan = path.join(dir, 'plans', path.basename(source));
  cpSync(source, plan);
  return { dir, plan };
}

/** Every unit's form of a plan, as the publishing stage makes it. */
export async function makeForms(plan: string, asOf = '2025-09-30'): Promise<Map<string, Uint8Array>> {
  const { plans } = await checkPlans([plan]);
  const publications = await progressFormPublications(plans, { asOf });
  const out = new Map<string, Uint8Array>();
  for (const p of publications) out.set(decodeFormInfo(p.form!.info)!.unit, (await publishDocument(p, 'xlsx')) as Uint8Array);
  return out;
}

/** The row of a key (the measure's, with `#target` for one of its targets) on the form's sheet. */
export function rowOf(ws: ExcelJS.Worksheet, key: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === key) return r;
  throw new Error(`no row ${key}`);
}

export const targetKey = (id: string, target?: string) => (target === undefined ? `id:${id}` : `id:${id}#${encodeURIComponent(target)}`);

/** Opens a form, lets `edit` fill it like a unit, and saves it (exceljs, a writer that is not the form's own code path). */
export async function fillForm(bytes: Uint8Array, edit: (ws: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  edit(book.worksheets[0]!, book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** What 区工商联 reports on the 2025 example: one measure it leads done with three figures, one under way without a date. */
export function fillUnit(ws: ExcelJS.Worksheet): void {
  const dialogue = rowOf(ws, targetKey('dialogue', '召开政企恳谈会'));
  ws.getCell(`J${dialogue}`).value = '已完成';
  ws.getCell(`K${dialogue}`).value = 4;
  ws.getCell(`K${rowOf(ws, targetKey('dialogue', '收集企业诉求'))}`).value = 120;
  ws.getCell(`K${rowOf(ws, targetKey('dialogue', '企业诉求办结率'))}`).value = 97.5;
  ws.getCell(`M${dialogue}`).value = '四场恳谈会收集的诉求逐件建档跟踪';
  ws.getCell(`N${dialogue}`).value = '少数诉求涉及多个部门，协调周期较长';
  ws.getCell(`O${dialogue}`).value = '建立跨部门诉求会商机制';
  ws.getCell(`P${dialogue}`).value = new Date(Date.UTC(2025, 9, 8));
  const chambers = rowOf(ws, targetKey('chambers', '创建“四好”商会'));
  ws.getCell(`J${chambers}`).value = '推进中';
  ws.getCell(`K${chambers}`).value = 3;
}

/** The reports `fillUnit` stands for, as the plan should hold them (chambers dated by --as-of 2025-10-31). */
export const EXPECTED = {
  dialogue: {
    date: '2025-10-08',
    status: 'done',
    result: '四场恳谈会收集的诉求逐件建档跟踪',
    values: { 召开政企恳谈会: 4, 收集企业诉求: 120, 企业诉求办结率: 97.5 },
    note: '存在问题：少数诉求涉及多个部门，协调周期较长；下步打算：建立跨部门诉求会商机制',
  },
  chambers: { date: '2025-10-31', status: 'ongoing', values: { '创建“四好”商会': 3 } },
};

export function writeBytes(file: string, bytes: Uint8Array): string {
  writeFileSync(file, bytes);
  return file;
}

export const readText = (file: string) => readFileSync(file, 'utf8');

/** A python3 that has openpyxl (the system one when a version manager's comes first on PATH), or why there is none. */
export function findOpenpyxl(): { python?: string; reason: string } {
  for (const python of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(python, ['-c', 'import openpyxl'], { encoding: 'utf8' });
    if (r.status === 0) return { python, reason: '' };
  }
  return { reason: 'python3 with openpyxl not installed (apt-get install -y python3-openpyxl)' };
}

export function findSoffice(): { soffice?: string; reason: string } {
  const r = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? { soffice: 'soffice', reason: '' } : { reason: 'LibreOffice (soffice) not installed' };
}
