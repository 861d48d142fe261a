/**
 * The figure reference under the editor's cursor (`{=研修班}`), and what it stands for: the value
 * the build would print and the progress report it comes from. Pure: the figures plan is the one
 * the pipeline attached, exactly as `check` and `build` read it.
 */
import { isScalar } from 'yaml';
import type { Span } from '../diagnostic.js';
import type { LoadedPlan, PlanPath } from '../plan/load-plan.js';
import { currentProgress, currentProgressPath } from '../plan/model.js';
import { mapScalarSource } from '../plan/scalar-source.js';
import { figureSource } from '../rules/figure-source.js';
import { spanInString } from '../rules/text-fields.js';
import {
  type FigureEntry,
  type FigureReference,
  type FigureResolution,
  findFigureReferences,
  figureText,
  resolveFigure,
  speechTexts,
} from '../speech/figure-references.js';

export interface FigureAtCursor {
  reference: FigureReference;
  /** Where the reference is written. */
  span: Span;
  /** What it resolves to; undefined when the file has no figures to read (the rules say why). */
  resolution?: FigureResolution;
}

/** The reference whose characters hold the source offset, if any. */
export function figureAt(loaded: LoadedPlan, offset: number): FigureAtCursor | undefined {
  for (const { path, value } of speechTexts(loaded.plan)) {
    const node = loaded.document.getIn(path, true);
    if (!isScalar(node) || !node.range || offset < node.range[0] || offset > node.range[1]) continue;
    const map = mapScalarSource(loaded.source, node);
    if (!map) continue;
    for (const reference of findFigureReferences(value)) {
      if (reference.escaped) continue;
      const from = map.offsets[reference.start];
      const last = map.offsets[Math.min(reference.end, map.offsets.length) - 1];
      if (from === undefined || last === undefined || offset < from || offset > last + 1) continue;
      const source = figureSource(loaded);
      return {
        reference,
        span: spanInString(loaded, path, reference.start, reference.end),
        ...(source.kind === 'index' ? { resolution: resolveFigure(source.index, reference) } : {}),
      };
    }
  }
  return undefined;
}

/** Where a figure's value is written in the plan that reports it: `progress…values.<name>`. */
export function figureValuePath(entry: FigureEntry): PlanPath {
  return [...entry.path, ...currentProgressPath(entry.measure), 'values', entry.name];
}

/** The hover text: the value, then where it comes from, in the words of the plan. */
export function describeFigure(found: FigureAtCursor, from: string): string {
  const written = `{=${found.reference.measure ? `${found.reference.measure}：` : ''}${found.reference.name}}`;
  const resolution = found.resolution;
  if (!resolution) return `${written}：这个文件没有可取用的数字（见 figures 的提示）`;
  if (resolution.kind === 'unknown') {
    return `${written}：${from}的进展中没有这个数值${resolution.suggestion ? `，是否应为“${resolution.suggestion}”？` : ''}`;
  }
  if (resolution.kind === 'ambiguous') {
    const titles = resolution.entries.map((e) => `- ${e.measure.title}：${figureText(e)}`).join('\n');
    return `${written}：${from}中有 ${resolution.entries.length} 项举措报告了这个数值，请写成 {=举措：${found.reference.name}}\n\n${titles}`;
  }
  const entry = resolution.entry;
  const report = currentProgress(entry.measure);
  const date = report && 'date' in report && typeof report.date === 'string' ? `，${report.date} 的进展` : '';
  return `**${written} = ${figureText(entry)}**\n\n取自${from}举措“${entry.measure.title}”${date}（progress.values.${entry.name}）`;
}
