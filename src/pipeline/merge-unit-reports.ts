/**
 * import-progress, when several units report one measure on one day: the lead unit's form and a
 * participant's (or two participants') each give a report, and two reports of the same date would
 * leave the measure's state to whichever form came last. They become one report instead: the lead
 * unit's state, result and figures; a participant's figure only where the lead left the cell blank
 * (a blank cell is "not reported", never 0); every other unit's words kept in the note under its
 * name. Pure.
 */
import { type Diagnostic, makeDiagnostic } from '../diagnostic.js';
import { FORM_STATES } from '../oversight/progress-form.js';
import type { ProgressReport } from '../plan/model.js';

/** What one unit's form said of one measure, and where (for messages). */
export interface UnitReport {
  unit: string;
  role: 'lead' | 'shared';
  file: string;
  sheet: string;
  /** The measure's first row on the form, and the rows of its targets. */
  row: number;
  targetRows: ReadonlyMap<string, number>;
  report: ProgressReport;
  /** The filled text cells as written (the report's note is made from them). */
  texts: Partial<Record<'result' | 'problems' | 'next', string>>;
}

export interface MergeColumns {
  state: number;
  value: number;
}

export const stateLabel = (status: ProgressReport['status']) => FORM_STATES.find((s) => s.status === status)?.label ?? status;

/** The words of a unit's problems and plans, as the note holds them. */
export function noteOf(texts: UnitReport['texts']): string {
  return [texts.problems && `存在问题：${texts.problems}`, texts.next && `下步打算：${texts.next}`].filter(Boolean).join('；');
}

/**
 * One report from the reports of several units on the same measure and date (the lead units' forms
 * first). A state the lead units disagree on, or participants disagree on with no lead form among
 * them, is an error (the state is the lead unit's to say); a figure a participant gives differently
 * from the lead is a warning, and the lead's is kept.
 */
/**
 * A report only participants gave: the state stays the one the measure had (the lead unit's to
 * change); the participants' state is kept in the note, under their names. With no state before,
 * theirs stands.
 */
export function keepLeadState(report: ProgressReport, units: readonly string[], before: ProgressReport['status'] | undefined): ProgressReport {
  if (before === undefined || before === report.status) return report;
  const said = `${units.join('、')}报的进展状态为“${stateLabel(report.status)}”，进展状态以牵头单位为准`;
  return { ...report, status: before, note: report.note ? `${said}。${report.note}` : said };
}

export function mergeUnitReports(reports: readonly UnitReport[], label: string, columns: MergeColumns): { report?: ProgressReport; diagnostics: Diagnostic[] } {
  if (reports.length === 1) return { report: reports[0]!.report, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const ordered = [...reports.filter((r) => r.role === 'lead'), ...reports.filter((r) => r.role !== 'lead')];
  const primary = ordered[0]!;
  const deciders = ordered.filter((r) => r.role === primary.role);
  const states = new Set(deciders.map((r) => r.report.status));
  if (states.size > 1) {
    const who = deciders.map((r) => `${r.unit}报“${stateLabel(r.report.status)}”`).join('，');
    for (const r of deciders) {
      diagnostics.push(
        makeDiagnostic(
          'form-state',
          `${label}在${primary.report.date}有几张表报了不同的进展状态（${who}）：${primary.role === 'lead' ? '请牵头单位商定后' : '请牵头单位填报这一项的进展状态，或各单位统一后'}重新报回`,
          { file: r.file, cell: { sheet: r.sheet, row: r.row, column: columns.state } },
        ),
      );
    }
    return { diagnostics };
  }
  const values: Record<string, number> = { ...primary.report.values };
  const givenBy = new Map(Object.keys(values).map((name) => [name, primary.unit]));
  for (const r of ordered.slice(1)) {
    for (const [name, value] of Object.entries(r.report.values ?? {})) {
      if (!(name in values)) {
        values[name] = value;
        givenBy.set(name, r.unit);
      } else if (values[name] !== value) {
        diagnostics.push(
          makeDiagnostic(
            'form-number',
            `${label}的“${name}”，${r.unit}报${value}，${givenBy.get(name)}报${values[name]}：取${givenBy.get(name)}${givenBy.get(name) === primary.unit && primary.role === 'lead' ? '（牵头单位）' : ''}的`,
            { file: r.file, cell: { sheet: r.sheet, row: r.targetRows.get(name) ?? r.row, column: columns.value } },
            'warning',
          ),
        );
      }
    }
  }
  // The other units' words, under their names: a participant's 成效 is not the lead's to lose.
  const others = ordered.slice(1).flatMap((r) => {
    const words = [r.texts.result && `工作成效：${r.texts.result}`, noteOf(r.texts)].filter(Boolean).join('；');
    return words ? [`${r.unit}：${words}`] : [];
  });
  const note = [noteOf(primary.texts), ...others].filter(Boolean).join('。');
  const { date, status } = primary.report;
  return {
    report: {
      date,
      status,
      ...(primary.report.result !== undefined ? { result: primary.report.result } : {}),
      ...(Object.keys(values).length ? { values } : {}),
      ...(note ? { note } : {}),
    },
    diagnostics,
  };
}
