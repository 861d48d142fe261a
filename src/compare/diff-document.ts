/** What the 对照表 template prints (.md, .docx, .xlsx): every cell composed here, the template only lays it out. */
import { HANS_WORDS, type Words } from '../text/script.js';
import { CHANGE_LABELS, type MeasureChange, type PlanDiff, changesBySection } from './plan-diff.js';

function changeCell(c: MeasureChange, t: Words): string {
  if (c.kind === 'added') return t('新增任务');
  if (c.kind === 'removed') return t('不再列入');
  const how = c.match === 'id' ? t('按编号对应') : c.match === 'title' ? t('标题相同') : t`按内容对应，相似度${c.score!.toFixed(2)}`;
  // Both titles stand in their own columns: the cell only says the title changed.
  const details = c.details.map((d, i) => (c.fields[i] === 'title' ? t('标题调整') : d));
  return c.kind === 'continued' ? t`内容不变（${how}）` : t`${details.join('；')}（${how}）`;
}

/** The 对照表's title: 2026年与2025年重点任务对照表. */
export function diffTitle(diff: PlanDiff, t: Words = HANS_WORDS): string {
  return t`${diff.new.year}年与${diff.old.year}年重点任务对照表`;
}

/** Every cell and sentence of the 对照表; `t` puts the tool's words in the plans' script (plan text stays as written). */
export function diffDocumentView(diff: PlanDiff, t: Words = HANS_WORDS) {
  const { counts } = diff;
  let seq = 0;
  return {
    title: diffTitle(diff, t),
    summary: t`《${diff.new.title}》与《${diff.old.title}》相比：新增任务${counts.added}项，调整${counts.changed}项，延续${counts.continued}项，不再列入${counts.removed}项。`,
    // By lead unit, one sentence: 区委统战部新增2项、调整3项、延续7项、不再列入2项；…
    byUnit: diff.units.length
      ? t`按牵头单位：${diff.units
          .map(({ unit, counts: u }) => {
            const parts = ([['added', '新增'], ['changed', '调整'], ['continued', '延续'], ['removed', '不再列入']] as const).flatMap(([k, label]) => (u[k] ? [t`${t(label)}${u[k]}项`] : []));
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
        kind: t(CHANGE_LABELS[c.kind]),
        task: c.new?.title ?? '',
        previous: c.old?.title ?? '',
        change: changeCell(c, t),
        lead: (c.new ?? c.old)!.lead.join('、'),
      })),
    })),
  };
}
