/** What --fix-dry-run prints: a unified diff of one plan before and after its fixes. */
import { createTwoFilesPatch } from 'diff';

export function formatFixDiff(shown: string, before: string, after: string, labels: readonly [string, string] = ['修正前', '修正后']): string {
  return createTwoFilesPatch(shown, shown, before, after, labels[0], labels[1]);
}
