/**
 * check: run every enabled rule on a loaded plan. This is the one policy that decides what is
 * reported (configured severity, `off`, inline suppression); --fix applies the edits of exactly
 * the findings that survive it.
 */
import { type Diagnostic, makeDiagnostic } from '../diagnostic.js';
import type { Config } from '../plan/config.js';
import type { LoadedPlan } from '../plan/load-plan.js';
import { RULES } from './index.js';
import { parseSuppressions } from './suppressions.js';
import type { Rule, SourceEdit } from './types.js';

export interface RuleRun {
  diagnostics: Diagnostic[];
  /** Edits carried by the reported findings, in the order found. */
  edits: SourceEdit[];
  /** The same edits by the finding that carries them (an editor offers each finding's own fix). */
  editsOf: Map<Diagnostic, readonly SourceEdit[]>;
}

export function runRules(loaded: LoadedPlan, config: Config, rules: readonly Rule[] = RULES): RuleRun {
  const suppressed = parseSuppressions(loaded.source);
  const diagnostics: Diagnostic[] = [];
  const edits: SourceEdit[] = [];
  const editsOf = new Map<Diagnostic, readonly SourceEdit[]>();
  for (const rule of rules) {
    const setting = config.rules?.[rule.id];
    if (setting === 'off') continue;
    const severity = setting ?? rule.severity;
    for (const finding of rule.check({ loaded, config })) {
      const span = finding.span ?? loaded.locate(finding.path);
      if (suppressed(rule.id, span.line)) continue;
      const diagnostic = makeDiagnostic(rule.id, finding.message, { file: loaded.file, span, path: finding.path }, severity);
      diagnostics.push(diagnostic);
      if (finding.edits?.length) {
        for (const edit of finding.edits) edits.push(edit);
        editsOf.set(diagnostic, finding.edits);
      }
    }
  }
  return { diagnostics, edits, editsOf };
}
