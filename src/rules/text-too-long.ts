/**
 * text-too-long: a title or a paragraph far beyond anything a document holds, which is almost
 * always text pasted into the wrong key (a whole article as a title). The limits are generous on
 * purpose: a long title is a matter of style, this rule is about text that cannot be meant.
 */
import { paragraphRanges } from '../text/paragraphs.js';
import { isValuesKey, textNode } from './plan-scalar.js';
import { spanInString, textFields } from './text-fields.js';
import { defineRule, type Finding } from './types.js';

/** A 标题 over two lines of 22 characters is already long; 100 leaves room for any real one. */
export const TITLE_LIMIT = 100;
/** About five pages of body text in one paragraph. */
export const PARAGRAPH_LIMIT = 5000;

/** Keys whose text is set as a title: the document's, a section's, a measure's lead, a speech's, an attachment's. */
const TITLE_KEYS = new Set(['title', 'speechTitle']);

/** Characters as a reader counts them (a character outside the BMP is one, not two). */
function countChars(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    // The low half of a surrogate pair was counted with its high half.
    if (!(unit >= 0xdc00 && unit <= 0xdfff && i > from && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  return n;
}

export const textTooLong = defineRule('text-too-long', ({ loaded }) => {
  const findings: Finding[] = [];
  for (const { path, value } of textFields(loaded.plan)) {
    // UTF-16 length bounds the count from above: the common short string is settled here.
    if (value.length <= TITLE_LIMIT) continue;
    const key = path[path.length - 1];
    if (typeof key === 'string' && TITLE_KEYS.has(key) && !isValuesKey(path, value)) {
      const n = countChars(value.trim());
      if (n > TITLE_LIMIT) findings.push({ path, message: `标题有 ${n} 个字符，超过上限 ${TITLE_LIMIT} 个：标题应简短，详细内容写进正文` });
      continue;
    }
    if (value.length <= PARAGRAPH_LIMIT) continue;
    for (const { start, end } of paragraphRanges(value)) {
      if (end - start <= PARAGRAPH_LIMIT) continue;
      const n = countChars(value, start, end);
      if (n <= PARAGRAPH_LIMIT) continue;
      const node = isValuesKey(path, value) ? textNode(loaded, path, value) : undefined;
      const span = node ? { ...loaded.positionOf(node.range![0]) } : spanInString(loaded, path, start, end);
      findings.push({ path, message: `这一段有 ${n} 个字符，超过上限 ${PARAGRAPH_LIMIT} 个：请分成几段（块文本里每行是一段）`, span });
    }
  }
  return findings;
});
