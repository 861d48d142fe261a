/** What the 对照表 template prints (.md, .docx, .xlsx): every cell composed here, the template only lays it out. */
import { CHANGE_LABELS, type MeasureChange, type PlanDiff, changesBySection } from './plan-diff.js';

function changeCell(c: MeasureChange): string {
  if (c.kind === 'added') return '新增任务';
  if (c.kind === 'removed') return '不再列入';
  const how = c.match === 'id' ? '按编号对应' : c.match === 'title' ? '标题相同' : `按内容对应，相似度${c.score!.toFixed(2)}`;
  // Both titles stand in their own columns: the cell only says the title changed.
  const details = c.details.map((d, i) => (c.fields[i] === 'title' ? '标题调整' : d));
  return c.kind === 'continued' ? `内容不变（${how}）` : `${details.join('；')}（${how}）`;
}

export function diffDocumentView(diff: PlanDiff) {
  const { counts } = diff;
  let seq = 0;
  return {
    title: `${diff.new.year}年与${diff.old.year}年重点任务对照表`,
    summary: `《${diff.new.title}》与《${diff.old.title}》相比：新增任务${counts.added}项，调整${counts.changed}项，延续${counts.continued}项，不再列入${counts.removed}项。`,
    // By lead unit, one sentence: 区委统战部新增2项、调整3项、延续7项、不再列入2项；…
    byUnit: diff.units.length
      ? `按牵头单位：${diff.units
          .map(({ unit, counts: u }) => {
            const parts = ([['added', '新增'], ['changed', '调整'], ['continued', '延续'], ['removed', '不再列入']] as const).flatMap(([k, label]) => (u[k] ? [`${label}${u[k]}项`] : []));
            return `${unit}${parts.join('、')}`;
          })
          .join('；')}。`
      : '',
    newYear: diff.new.year,
    oldYear: diff.old.year,
    groups: changesBySection(diff).map(({ section, changes }) => ({
      section,
      rows: changes.map((c) => ({
        seq: String(++seq),
        kind: CHANGE_LABELS[c.kind],
        task: c.new?.title ?? '',
        previous: c.old?.title ?? '',
        change: changeCell(c),
        lead: (c.new ?? c.old)!.lead.join('、'),
      })),
    })),
  };
}
