import type { Diagnostic } from '../diagnostic.js';

export interface Counts {
  errors: number;
  warnings: number;
}

export function countDiagnostics(list: readonly Diagnostic[]): Counts {
  let errors = 0;
  let warnings = 0;
  for (const d of list) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** `2 个错误，1 个警告` */
export function formatCounts({ errors, warnings }: Counts): string {
  return `${errors} 个错误，${warnings} 个警告`;
}
