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

/** A replacement of characters [start, end) of a string value. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Rule {
  /** Kebab-case, stable, never reused. */
  id: string;
  /** One line, Chinese. */
  description: string;
  severity: Severity;
  check(context: RuleContext): Finding[];
  /**
   * Safe corrections of one string the rule flagged (at a finding's path). Returns no edits when
   * nothing can be fixed unambiguously. Fixing twice must change nothing the second time.
   */
  fix?(value: string): Edit[];
}
