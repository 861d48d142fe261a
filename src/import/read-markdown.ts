/**
 * PLACEHOLDER, replaced by wt-p's Markdown reader when the branches merge: `readSource` dispatches
 * .md and .markdown files here. Until then a Markdown source is refused with a clear message.
 */
import type { SourceDocument } from './source-document.js';
import { SourceFormatError } from './source-format-error.js';

export function readMarkdown(_bytes: Uint8Array): SourceDocument {
  throw new SourceFormatError('暂不支持导入 Markdown 文件');
}
