/**
 * A source the readers cannot take: a corrupt .docx, a binary file, Markdown before its reader
 * exists. The message says why in Chinese, without the file name; `pipeline/read-source.ts` names
 * the file and turns it into a UsageError (exit 2). The readers stay free of the pipeline.
 */
export class SourceFormatError extends Error {
  override name = 'SourceFormatError';
}
