import type { Severity, Span } from '../diagnostic.js';
import type { Config } from '../plan/config.js';
import type { LoadedPlan, PlanPath } from '../plan/load-plan.js';

export interface RuleContext {
  loaded: LoadedPlan;
  config: Config;
}

/** What a rule found: where in the plan, and what to say. The runner turns it into a Diagnostic. */
export interface Finding {
  path: PlanPath;
  message: string;
  /** A precise span inside the node, when the rule knows one (a character inside a string). */
  span?: Span;
}

export interface Rule {
  /** Kebab-case, stable, never reused. */
  id: string;
  /** One line, Chinese. */
  description: string;
  severity: Severity;
  check(context: RuleContext): Finding[];
}
