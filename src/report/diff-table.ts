/**
 * `diff` for a terminal, within 80 columns: the totals, then by section one line per measure (kind,
 * title, how it was matched and the score), a line per changed field under it, then counts by unit.
 */
import { fitColumns, padColumns, visualWidth } from '../text/width.js';

type Kind = 'added' | 'changed' | 'continued' | 'removed';
const LABELS: Record<Kind, string> = { added: '新增', changed: '调整', continued: '延续', removed: '删除' };

export interface DiffTableInput {
  oldFile: string;
  newFile: string;
  diff: {
    old: { title: string; year: number };
    new: { title: string; year: number };
    counts: Record<Kind, number>;
    units: { unit: string; counts: Record<Kind, number> }[];
  };
  sections: {
    section: string;
    changes: { kind: Kind; old?: { title: string }; new?: { title: string }; match?: string; score?: number; details: string[] }[];
  }[];
}

const WIDTH = 80;

function matchNote(match: string | undefined, score: number | undefined): string {
  if (match === undefined) return '';
  const how = match === 'id' ? '编号' : match === 'title' ? '同题' : '相似';
  return `${how} ${score!.toFixed(2)}`;
}

export function formatDiffTable(input: readonly DiffTableInput[]): string {
  let out = '';
  for (const { oldFile, newFile, diff, sections } of input) {
    const c = diff.counts;
    out += `${fitColumns(`${oldFile} → ${newFile}`, WIDTH)}\n`;
    out += `新增 ${c.added}，调整 ${c.changed}，延续 ${c.continued}，删除 ${c.removed}\n`;
    for (const { section, changes } of sections) {
      out += `\n${fitColumns(section || '（不分部分）', WIDTH)}\n`;
      for (const ch of changes) {
        const note = matchNote(ch.match, ch.score);
        const title = (ch.new ?? ch.old)!.title;
        // 2 + 4 (kind) + 2, the title, then the note right-aligned in 10 columns.
        out += `${`  ${LABELS[ch.kind]}  ${padColumns(fitColumns(title, WIDTH - 20), WIDTH - 20)}${' '.repeat(Math.max(0, 12 - visualWidth(note) * 2))}${note}`.trimEnd()}\n`;
        for (const d of ch.details) out += `        ${fitColumns(d, WIDTH - 8)}\n`;
      }
    }
    if (diff.units.length) {
      out += `\n${padColumns('按牵头单位', 28)}  新增  调整  延续  删除\n`;
      for (const u of diff.units) {
        out += `  ${padColumns(fitColumns(u.unit, 26), 26)}  ${[u.counts.added, u.counts.changed, u.counts.continued, u.counts.removed].map((n) => String(n).padStart(4)).join('  ')}\n`;
      }
    }
    out += '\n';
  }
  return out;
}
