/**
 * status, as an engine: checked plans → 督办 figures per plan on a day, the overdue measures as
 * annotations at their `due`, and the 督办通报 (.md, .docx through the GB/T pipeline) and the
 * ledger (.xlsx). Writes nothing: the caller writes or prints.
 */
import path from 'node:path';
import { type Diagnostic, makeDiagnostic } from '../diagnostic.js';
import { parseMarkdown } from '../markdown/parse-markdown.js';
import { type PlanStatus, ledgerIn, planStatus, statusDocumentView, statusTitle } from '../oversight/status-report.js';
import { unitRegistry } from '../plan/config.js';
import { STDIN_PATH } from '../plan/load-plan.js';
import { isSpeechFile, type Plan } from '../plan/model.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, renderTemplate, TemplateError, type TemplateSet, templatesIn } from '../render/render-template.js';
import { formatChineseDate, formatDue, localToday, parseIsoDate } from '../text/dates.js';
import { type Script, finalWords } from '../text/script.js';
import type { CheckedPlan } from './check-plans.js';
import { type OutputFormat, parseFormats } from './output-formats.js';
import { chooseScript, parseScript } from './plan-script.js';
import { type Publication, outputNames } from './publish-documents.js';
import { UsageError } from '../usage-error.js';

/** The 督办通报 goes out as .md, .docx or .pdf; the 台账 as .xlsx. */
const STATUS_FORMATS: readonly OutputFormat[] = ['md', 'docx', 'xlsx', 'pdf'];
const LEDGER_FORMATS: readonly OutputFormat[] = ['xlsx'];

export interface StatusRequest {
  asOf?: string;
  unit?: string;
  to?: string;
  output?: string;
  /** hans or hant: the documents' script, whatever the plan's. */
  script?: string;
}

export interface StatusOptions {
  asOf: string;
  unit?: string;
  formats: OutputFormat[];
  output?: string;
  script?: Script;
}

export function parseStatusOptions(request: StatusRequest): StatusOptions {
  const asOf = request.asOf ?? localToday();
  if (!parseIsoDate(asOf)) throw new UsageError(`--as-of 应为 YYYY-MM-DD 格式的日期，例如 2025-09-30，这里是“${asOf}”`);
  const formats = parseFormats(request.to, STATUS_FORMATS, 'status');
  return {
    asOf,
    ...(request.unit !== undefined ? { unit: request.unit } : {}),
    formats,
    ...(request.output !== undefined ? { output: request.output } : {}),
    ...(request.script !== undefined ? { script: parseScript(request.script) } : {}),
  };
}

export interface PlanStatusEntry {
  file: string;
  status: PlanStatus;
}

export interface StatusResult {
  plans: PlanStatusEntry[];
  /** One warning at the `due` of each overdue measure (for --format github). */
  annotations: Diagnostic[];
  /** The 督办通报 and 台账 of each plan, for the publishing stage (none without --to). */
  publications: Publication[];
}

/** The 督办 figures of every plan (speech files have no measures and are left out). */
export async function planStatuses(checked: readonly CheckedPlan[], options: StatusOptions): Promise<StatusResult> {
  const plans: PlanStatusEntry[] = [];
  const annotations: Diagnostic[] = [];
  const publications: Publication[] = [];
  const names = outputNames(checked.filter((p) => p.file !== STDIN_PATH).map((p) => p.file));
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
    templates ??= await loadTemplateSet([path.join(p.root, 'templates'), BUILTIN_TEMPLATES]).catch((error: unknown) => { throw error instanceof TemplateError ? new UsageError(error.message) : error; });
    const script = await chooseScript(plan, options.script);
    const { words } = script;
    const base = names.get(p.file);
    const markdown = renderTemplate(templatesIn(templates, words), 'status.md.hbs', statusDocumentView(plan, status, { words }));
    const meta = { title: statusTitle(status, words), creator: plan.issuer ?? 'workplan', date: options.asOf, pageNumbers: 'outside' as const };
    const notice = options.formats.filter((f) => !LEDGER_FORMATS.includes(f));
    if (notice.length) publications.push({ name: base && `${base}${finalWords(script, '-督办通报')}`, blocks: parseMarkdown(markdown), meta, script, formats: notice });
    const ledger = ledgerIn(status, words);
    const ledgerFormats = options.formats.filter((f) => LEDGER_FORMATS.includes(f));
    if (ledgerFormats.length) {
      publications.push({
        name: base && `${base}${finalWords(script, '-督办台账')}`,
        blocks: [{ type: 'table', header: ledger.header, rows: ledger.rows }],
        meta: { ...meta, title: words('督办台账') },
        script,
        formats: ledgerFormats,
      });
    }
  }
  return { plans, annotations, publications };
}
