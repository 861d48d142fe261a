/**
 * The formats a document leaves the house in, as facts (no emitter loaded: the command line reads
 * them for its choices and checks `--to` before any file is read). The emitters that go with them
 * are bound in publish-documents.ts.
 */
import { UsageError } from '../usage-error.js';

export const OUTPUT_FORMATS = ['docx', 'md', 'csv', 'xlsx', 'pdf'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface FormatFacts {
  /** The file name's extension, without the dot. */
  extension: string;
  /** A text format, which may go to standard output (`-o -`). */
  stdout: boolean;
  /** Holds only the document's table (the 分工表, the 台账, the 对照表). */
  tableOnly: boolean;
  /** The same input gives the same bytes, so `build --check` can compare them with the disk. */
  reproducible: boolean;
}

export const FORMAT_FACTS: Record<OutputFormat, FormatFacts> = {
  docx: { extension: 'docx', stdout: false, tableOnly: false, reproducible: true },
  md: { extension: 'md', stdout: true, tableOnly: false, reproducible: true },
  csv: { extension: 'csv', stdout: true, tableOnly: true, reproducible: true },
  xlsx: { extension: 'xlsx', stdout: false, tableOnly: true, reproducible: true },
  // A PDF carries the time LibreOffice made it: no two conversions are the same bytes.
  pdf: { extension: 'pdf', stdout: false, tableOnly: false, reproducible: false },
};

/** The format a file name asks for by its extension, if any. */
export function formatOfFile(file: string): OutputFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  return OUTPUT_FORMATS.find((f) => FORMAT_FACTS[f].extension === extension);
}

/**
 * `--to` of any command: a comma-separated list of the formats `allowed` there, without repeats.
 * `command` names the command in the message for a format it cannot give.
 */
export function parseFormats(value: string | undefined, allowed: readonly OutputFormat[], command: string, required = false): OutputFormat[] {
  const list = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`未知的输出格式“${f}”，可用：${allowed.join('、')}`);
    if (!allowed.includes(f as OutputFormat)) throw new UsageError(`${command} 不生成 ${f}：--to 可用 ${allowed.join('、')}`);
  }
  if (required && list.length === 0) throw new UsageError('--to 至少需要一种格式');
  return [...new Set(list)] as OutputFormat[];
}
