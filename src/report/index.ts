import type { Diagnostic } from '../diagnostic.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'github', 'sarif'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions {
  color: boolean;
  fileCount: number;
  version: string;
}

export function formatDiagnostics(format: FormatName, diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  switch (format) {
    case 'json':
      return formatJson(diagnostics);
    case 'github':
      return formatGithub(diagnostics);
    case 'sarif':
      return formatSarif(diagnostics, { version: options.version });
    case 'stylish':
      return formatStylish(diagnostics, options);
  }
}
