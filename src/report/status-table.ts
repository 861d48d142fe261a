/**
 * `status` for a terminal: per plan, the totals, then per unit the measures it leads and shares by
 * state, then the overdue and due-soon measures with their days. Fits 80 columns with unit names
 * up to 12 characters; longer names are cut with “…”.
 */
import { fitColumns, padColumns as pad } from '../text/width.js';

type Counts = { total: number; done: number; 'on-track': number; 'due-soon': number; overdue: number; 'no-report': number };

export interface StatusTableInput {
  file: string;
  status: {
    title: string;
    asOf: string;
    period: string;
    counts: Counts;
    completion: number | null;
    units: { unit: string; lead: Counts; shared: Counts; completion: number | null }[];
    measures: { label: string; title: string; lead: string[]; due?: string; deadline?: string; state: string; days?: number }[];
  };
}

const UNIT_COLUMNS = 24;
const right = (n: number | string, width: number) => String(n).padStart(width);

function countCells(c: Counts): string {
  return [c.total, c.done, c['on-track'], c['due-soon'], c.overdue, c['no-report']].map((n, i) => right(n, i === 0 ? 5 : 6)).join('');
}

export function formatStatusTable(report: readonly StatusTableInput[]): string {
  let out = '';
  for (const { file, status } of report) {
    const c = status.counts;
    out += `${file}\n${status.title}，截至 ${status.asOf}（${status.period}）\n`;
    out += `共 ${c.total} 项：已完成 ${c.done}，正常推进 ${c['on-track']}，临期 ${c['due-soon']}，逾期 ${c.overdue}，未报进展 ${c['no-report']}`;
    out += status.completion === null ? '\n\n' : `；目标完成 ${status.completion}%\n\n`;
    out += `  ${pad('单位', UNIT_COLUMNS)}       合计 已完成  正常  临期  逾期  未报 目标完成\n`;
    for (const u of status.units) {
      const name = fitColumns(u.unit, UNIT_COLUMNS);
      if (u.lead.total > 0) out += `  ${pad(name, UNIT_COLUMNS)}  牵头${countCells(u.lead)}${u.completion === null ? '' : right(`${u.completion}%`, 9)}\n`;
      if (u.shared.total > 0) out += `  ${pad(u.lead.total > 0 ? '' : name, UNIT_COLUMNS)}  参与${countCells(u.shared)}\n`;
    }
    const overdue = status.measures.filter((m) => m.state === 'overdue');
    const soon = status.measures.filter((m) => m.state === 'due-soon');
    if (overdue.length) {
      out += `\n逾期（${overdue.length}）：\n`;
      for (const m of overdue) out += `  ${fitColumns(`${m.label}  ${m.title}（${m.lead.join('、')}）`, 78)}\n    完成时限 ${m.due}（${m.deadline}），逾期 ${m.days} 天\n`;
    }
    if (soon.length) {
      out += `\n临期（${soon.length}）：\n`;
      for (const m of soon) out += `  ${fitColumns(`${m.label}  ${m.title}（${m.lead.join('、')}）`, 78)}\n    完成时限 ${m.due}（${m.deadline}），还有 ${m.days} 天\n`;
    }
    out += '\n';
  }
  return out;
}
