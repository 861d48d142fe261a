/** check: run every enabled rule on a loaded plan and turn findings into Diagnostics. */
import { type Diagnostic, formatPath } from '../diagnostic.js';
import type { Config } from '../plan/config.js';
import type { LoadedPlan } from '../plan/load-plan.js';
import { RULES } from './index.js';
import { parseSuppressions } from './suppressions.js';
import type { Rule } from './types.js';

export function runRules(loaded: LoadedPlan, config: Config, rules: readonly Rule[] = RULES): Diagnostic[] {
  const suppressed = parseSuppressions(loaded.source);
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const setting = config.rules?.[rule.id];
    if (setting === 'off') continue;
    const severity = setting ?? rule.severity;
    for (const finding of rule.check({ loaded, config })) {
      const span = finding.span ?? loaded.locate(finding.path);
      if (suppressed(rule.id, span.line)) continue;
      out.push({ ruleId: rule.id, severity, message: finding.message, file: loaded.file, ...span, path: formatPath(finding.path) });
    }
  }
  return out;
}
