/** The progress values a file's figure references read: its own, or those of the plan its `figures:` names. */
import type { LoadedPlan } from '../plan/load-plan.js';
import { isSpeechFile } from '../plan/model.js';
import { type FigureIndex, indexFigures } from '../speech/figure-references.js';

export type FigureSource =
  | { kind: 'index'; index: FigureIndex }
  /** A speech file without `figures:`: there is nothing to reference. */
  | { kind: 'none' }
  /** `figures:` is written but the pipeline could not load it (figures-file says why). */
  | { kind: 'unreadable' };

const cache = new WeakMap<LoadedPlan, FigureSource>();

/** Built once per loaded file, however many figure rules ask. */
export function figureSource(loaded: LoadedPlan): FigureSource {
  let source = cache.get(loaded);
  if (!source) {
    const plan = loaded.plan;
    source = !isSpeechFile(plan)
      ? { kind: 'index', index: indexFigures(plan) }
      : plan.figures === undefined
        ? { kind: 'none' }
        : loaded.figures
          ? { kind: 'index', index: indexFigures(loaded.figures) }
          : { kind: 'unreadable' };
    cache.set(loaded, source);
  }
  return source;
}
