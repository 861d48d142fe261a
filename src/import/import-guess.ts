/** A place where the import guessed: written as a `# 导入：…` comment before that key. */
export type PlanPathKey = string | number;

export interface ImportGuess {
  /** Where in the plan the comment goes (the key it stands before). */
  path: PlanPathKey[];
  message: string;
  /**
   * Source text the import could not place anywhere in the plan, kept verbatim under the
   * message (one comment line per source line) and listed on stderr: nothing is dropped unsaid.
   */
  verbatim?: string;
}
