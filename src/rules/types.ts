import type { Severity, Span } from '../diagnostic.js';
import type { Config } from '../plan/config.js';
import type { LoadedPlan, PlanPath } from '../plan/load-plan.js';
import { WRITING_RULES, type WritingRuleId } from '../rule-catalog.js';

export interface RuleContext {
  loaded: LoadedPlan;
  config: Config;
}

/**
 * A replacement of source characters [from, to) of the plan file, with the change it is meant to
 * make to the string at `path`: --fix checks, after re-parsing, that this is the only change.
 */
export interface SourceEdit {
  from: number;
  to: number;
  text: string;
  path: PlanPath;
  value: Edit;
}

/**
 * What a rule found: where in the plan, and what to say. The runner turns it into a Diagnostic.
 * A finding that can be corrected safely carries the edits (as markdownlint's fixInfo does);
 * --fix applies the edits of the findings that are reported, and only those.
 */
export interface Finding {
  path: PlanPath;
  message: string;
  /** A precise span inside the node, when the rule knows one (a character inside a string). */
  span?: Span;
  /** Source edits that correct this finding. Applying them twice must change nothing the second time. */
  edits?: SourceEdit[];
}

/** A replacement of characters [start, end) of a string value. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Rule {
  /** Kebab-case, stable, never reused: an entry of WRITING_RULES. */
  id: WritingRuleId;
  /** One line, Chinese. */
  description: string;
  severity: Severity;
  check(context: RuleContext): Finding[];
}

/** A rule: its id, description and default severity from the catalogue, and what it checks. */
export function defineRule(id: WritingRuleId, check: Rule['check']): Rule {
  return { id, ...WRITING_RULES[id], check };
}
