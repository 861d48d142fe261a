/**
 * A problem with how the tool was invoked or with the file system: the CLI prints the message
 * and exits 2, with no stack trace. The engine raises it; the CLI only reports it.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
