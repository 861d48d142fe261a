/**
 * status, as an engine: checked plans → 督办 figures per plan on a day, the overdue measures as
 * annotations at their `due`, and the 督办通报 (.md, .docx through the GB/T pipeline) and the
 * ledger (.xlsx). Writes nothing: the caller writes or prints.
 */
import path from 'node:path';
import { type Diagnostic, makeDiagnostic } from '../diagnostic.js';
import { emitDocx } from '../emit/docx/emit-docx.js';
import { emitMarkdown } from '../emit/markdown.js';
import { emitXlsx } from '../emit/xlsx.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { type PlanStatus, planStatus, statusDocumentView } from '../oversight/status-report.js';
import { unitRegistry } from '../plan/config.js';
import { STDIN_PATH } from '../plan/load-plan.js';
import { isSpeechFile, type Plan } from '../plan/model.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, renderTemplate, type TemplateSet } from '../render/render-template.js';
import { formatChineseDate, formatDue, localToday, parseIsoDate } from '../text/dates.js';
import type { CheckedPlan } from './check-plans.js';
import { documentDate } from './render-document.js';
import { UsageError } from './usage-error.js';
import type { Output } from './write-outputs.js';

export const STATUS_FORMATS = ['md', 'docx', 'xlsx'] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];

export interface StatusRequest {
  asOf?: string;
  unit?: string;
  to?: string;
  output?: string;
}

export interface StatusOptions {
  asOf: string;
  unit?: string;
  formats: StatusFormat[];
  output: string;
}

export function parseStatusOptions(request: StatusRequest): StatusOptions {
  const asOf = request.asOf ?? localToday();
  if (!parseIsoDate(asOf)) throw new UsageError(`--as-of 应为 YYYY-MM-DD 格式的日期，例如 2025-09-30，这里是“${asOf}”`);
  const formats = request.to ? request.to.split(',').map((f) => f.trim()).filter(Boolean) : [];
  for (const f of formats) {
    if (!(STATUS_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--to 不支持“${f}”，可用：${STATUS_FORMATS.join('、')}`);
  }
  return { asOf, ...(request.unit !== undefined ? { unit: request.unit } : {}), formats: formats as StatusFormat[], output: request.output ?? 'out' };
}

export interface PlanStatusEntry {
  file: string;
  status: PlanStatus;
}

export interface StatusResult {
  plans: PlanStatusEntry[];
  /** One warning at the `due` of each overdue measure (for --format github). */
  annotations: Diagnostic[];
  documents: Output[];
}

/** The 督办 figures of every plan (speech files have no measures and are left out). */
export async function planStatuses(checked: readonly CheckedPlan[], options: StatusOptions): Promise<StatusResult> {
  const plans: PlanStatusEntry[] = [];
  const annotations: Diagnostic[] = [];
  const documents: Output[] = [];
  let templates: TemplateSet | undefined;
  for (const p of checked) {
    if (!p.loaded || isSpeechFile(p.loaded.plan)) continue;
    const plan: Plan = p.loaded.plan;
    const status = planStatus(plan, {
      asOf: options.asOf,
      unit: options.unit,
      units: unitRegistry(p.config.config),
      dueSoonDays: p.config.config.status?.dueSoon,
    });
    plans.push({ file: p.shown, status });
    for (const m of status.measures) {
      if (m.state !== 'overdue') continue;
      const where = m.duePath ?? m.path;
      annotations.push(
        makeDiagnostic(
          'measure-overdue',
          `${m.label}“${m.title}”（牵头单位：${m.lead.join('、') || '未写'}）完成时限${formatDue(m.due!)}，截至${formatChineseDate(options.asOf)}已逾期 ${m.days} 天，尚未完成`,
          { file: p.shown, span: p.loaded.locate(where), path: where },
          'warning',
        ),
      );
    }
    if (options.formats.length === 0) continue;
    if (p.file === STDIN_PATH) throw new UsageError('计划来自标准输入（-）时不能用 --to 生成文件');
    templates ??= await loadTemplateSet([path.join(p.root, 'templates'), BUILTIN_TEMPLATES]);
    const base = path.join(options.output, path.basename(p.file).replace(/\.ya?ml$/i, ''));
    const markdown = renderTemplate(templates, 'status.md.hbs', statusDocumentView(plan, status));
    const blocks = parseMarkdown(markdown);
    const title = `关于${status.year}年${status.period}重点任务推进情况的通报`;
    for (const format of options.formats) {
      if (format === 'md') documents.push({ path: `${base}-督办通报.md`, data: emitMarkdown(blocks) });
      if (format === 'docx') {
        documents.push({
          path: `${base}-督办通报.docx`,
          data: await emitDocx(blocks, { title, creator: plan.issuer ?? 'workplan', date: documentDate(options.asOf), pageNumbers: 'outside' }),
        });
      }
      if (format === 'xlsx') {
        documents.push({
          path: `${base}-督办台账.xlsx`,
          data: await emitXlsx([{ type: 'table', header: status.ledger.header, rows: status.ledger.rows }], { title: '督办台账', date: documentDate(options.asOf) }),
        });
      }
    }
  }
  return { plans, annotations, documents };
}
