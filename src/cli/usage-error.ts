/** A problem with how the tool was invoked or with the file system: exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
