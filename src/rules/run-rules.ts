/**
 * check: run every enabled rule on a loaded plan. This is the one policy that decides what is
 * reported (configured severity, `off`, inline suppression); --fix applies the edits of exactly
 * the findings that survive it.
 */
import { type Diagnostic, makeDiagnostic } from '../diagnostic.js';
import type { Config } from '../plan/config.js';
import type { LoadedPlan } from '../plan/load-plan.js';
import { RULES } from './index.js';
import { parseImported, parseSuppressions } from './suppressions.js';
import type { Rule, SourceEdit } from './types.js';

export interface RuleRun {
  diagnostics: Diagnostic[];
  /** Edits carried by the reported findings, in the order found. */
  edits: SourceEdit[];
  /** The same edits by the finding that carries them (an editor offers each finding's own fix). */
  editsOf: Map<Diagnostic, readonly SourceEdit[]>;
}

export interface RunRulesOptions {
  /**
   * For `build`: findings of the rules a `# workplan-imported` line names are warnings, so the
   * problems an imported source carried do not stop the build. `check` leaves them errors.
   */
  importedAsWarnings?: boolean;
}

/** Said after a finding build lets through: the reader learns why it did not stop. */
const IMPORTED_NOTE = '（导入的原文如此，生成时不因此停下；check 仍报错）';

export function runRules(loaded: LoadedPlan, config: Config, rules: readonly Rule[] = RULES, options: RunRulesOptions = {}): RuleRun {
  const suppressed = parseSuppressions(loaded.source);
  const imported = options.importedAsWarnings ? parseImported(loaded.source) : new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const edits: SourceEdit[] = [];
  const editsOf = new Map<Diagnostic, readonly SourceEdit[]>();
  for (const rule of rules) {
    const setting = config.rules?.[rule.id];
    if (setting === 'off') continue;
    const carried = imported.has(rule.id) && (setting ?? rule.severity) === 'error';
    const severity = carried ? 'warning' : (setting ?? rule.severity);
    for (const finding of rule.check({ loaded, config })) {
      const span = finding.span ?? loaded.locate(finding.path);
      if (suppressed(rule.id, span.line)) continue;
      const diagnostic = makeDiagnostic(rule.id, carried ? `${finding.message}${IMPORTED_NOTE}` : finding.message, { file: loaded.file, span, path: finding.path }, severity);
      diagnostics.push(diagnostic);
      if (finding.edits?.length) {
        for (const edit of finding.edits) edits.push(edit);
        editsOf.set(diagnostic, finding.edits);
      }
    }
  }
  return { diagnostics, edits, editsOf };
}
