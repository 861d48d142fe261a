/**
 * figure-ambiguous: a figure reference whose value name several measures report (two 研修班),
 * so the build cannot know which figure is meant. The writer names the measure too.
 */
import { findFigureReferences, resolveFigure, speechTexts } from '../speech/figure-references.js';
import { figureSource } from './figure-source.js';
import { spanInString } from './text-fields.js';
import { defineRule, type Finding } from './types.js';

export const figureAmbiguous = defineRule('figure-ambiguous', ({ loaded }) => {
  const source = figureSource(loaded);
  if (source.kind !== 'index') return [];
  const findings: Finding[] = [];
  for (const { path, value } of speechTexts(loaded.plan)) {
    for (const reference of findFigureReferences(value)) {
      if (reference.escaped || !reference.closed) continue;
      const resolved = resolveFigure(source.index, reference);
      if (resolved.kind !== 'ambiguous') continue;
      const titles = resolved.entries.map((e) => `“${e.measure.title}”`);
      findings.push({
        path,
        span: spanInString(loaded, path, reference.start, reference.end),
        message: `数字引用“${value.slice(reference.start, reference.end)}”有 ${resolved.entries.length} 项举措都报了“${reference.name}”（${titles.join('、')}）：请写明举措，例如“{=${resolved.entries[0]!.measure.title}：${reference.name}}”`,
      });
    }
  }
  return findings;
});
