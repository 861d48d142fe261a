/** SARIF 2.1.0 for code-scanning upload: stable rule ids, paths relative to the repository root. */
import { type Diagnostic, sortDiagnostics } from '../diagnostic.js';
import { RULE_CATALOG } from '../rule-catalog.js';

export interface SarifOptions {
  version: string;
}


/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  const index = new Map(RULE_CATALOG.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'workplan',
            version: options.version,
            rules: RULE_CATALOG.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: r.severity },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: '计划仓库的根目录' } } },
        results: sortDiagnostics(diagnostics).map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: index.get(d.ruleId),
          level: d.severity,
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(d.file), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: d.line,
                  startColumn: d.column,
                  ...(d.endLine !== undefined ? { endLine: d.endLine } : {}),
                  ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
                },
              },
            },
          ],
          ...(d.related
            ? {
                relatedLocations: d.related.map((r, i) => ({
                  id: i,
                  message: { text: r.message },
                  physicalLocation: { artifactLocation: { uri: toUri(d.file), uriBaseId: '%SRCROOT%' }, region: { startLine: r.line, startColumn: r.column } },
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
