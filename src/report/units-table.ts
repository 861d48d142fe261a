/** `units` as a table for a terminal: names padded by their display width, counts right-aligned. */
import { visualWidth } from '../text/width.js';

export interface UnitsReport {
  file: string;
  units: { unit: string; lead: number; responsible: number }[];
}

export function formatUnitsTable(report: readonly UnitsReport[]): string {
  let out = '';
  for (const { file, units } of report) {
    const width = Math.max(4, ...units.map((u) => visualWidth(u.unit)));
    const pad = (s: string) => s + ' '.repeat(Math.ceil((width - visualWidth(s)) * 2));
    out += `${file}\n  ${pad('单位')}  牵头  参与\n`;
    for (const u of units) out += `  ${pad(u.unit)}  ${String(u.lead).padStart(4)}  ${String(u.responsible).padStart(4)}\n`;
    out += '\n';
  }
  return out;
}
