/**
 * figure-unknown: a figure reference (`{=研修班}`) that names no progress value of the plan it
 * reads, or that is not closed. The build would print it as typed, so it is an error, with the
 * closest value name as the suggestion.
 */
import { findFigureReferences, resolveFigure, speechTexts } from '../speech/figure-references.js';
import { figureSource } from './figure-source.js';
import { spanInString } from './text-fields.js';
import { defineRule, type Finding } from './types.js';

export const figureUnknown = defineRule('figure-unknown', ({ loaded }) => {
  const source = figureSource(loaded);
  // A figures file that could not be read is reported once, as figures-file.
  if (source.kind === 'unreadable') return [];
  const findings: Finding[] = [];
  for (const { path, value } of speechTexts(loaded.plan)) {
    for (const reference of findFigureReferences(value)) {
      if (reference.escaped) continue;
      const written = value.slice(reference.start, reference.end);
      const at = { path, span: spanInString(loaded, path, reference.start, reference.end) };
      if (!reference.closed) {
        findings.push({ ...at, message: `数字引用“${written}”没有闭合：请在指标名称后补上“}”（要照原样写出“{=”，请写成“\\{=”）` });
        continue;
      }
      if (source.kind === 'none') {
        findings.push({ ...at, message: `发言文件没有写 figures（数字所取自的计划文件），引用“${written}”无从取值：请加上 figures: 计划文件的路径` });
        continue;
      }
      const resolved = resolveFigure(source.index, reference);
      if (resolved.kind !== 'unknown') continue;
      const where = reference.measure ? `举措“${reference.measure}”中` : '计划的进展中';
      const hint = resolved.suggestion ? `，是否应为“{=${reference.measure ? `${reference.measure}：` : ''}${resolved.suggestion}}”？` : '：引用的名称应与 progress.values 的键一致';
      findings.push({ ...at, message: `数字引用“${written}”：${where}没有名为“${reference.name}”的数值${hint}` });
    }
  }
  return findings;
});
