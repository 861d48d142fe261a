/**
 * invalid-char: characters no document can carry (text/invalid-chars.ts says which, and why).
 * They come from pasted text and wrong conversions, and are invisible in an editor; the emitters
 * drop them anyway, so the rule's job is to tell the writer the documents will differ from the
 * plan, and to remove them from the plan with --fix.
 *
 * The yaml parser accepts all of them, raw in every scalar style and as escapes (`\v`, `\uFFFF`)
 * in double-quoted ones, so this rule is the only place a writer hears of them.
 */
import { type InvalidChar, findInvalidChars, formatCodePoint, isInvalidCodePoint } from '../text/invalid-chars.js';
import { isSafeToDelete, occurrencesInSource, spanOf } from './char-occurrences.js';
import { isValuesKey, textNode } from './plan-scalar.js';
import { spanInString, textFields } from './text-fields.js';
import { defineRule, type Finding, type SourceEdit } from './types.js';

const NAMES: Record<number, string> = {
  0x00: '空字符 NUL',
  0x07: '响铃符 BEL',
  0x08: '退格符 BS',
  0x0b: '垂直制表符 VT',
  0x0c: '换页符 FF',
  0x1b: '转义符 ESC',
  0x7f: '删除符 DEL',
  0x85: '下一行符 NEL',
  0xfffe: '反序的字节序标记，多半来自编码转换',
};

function describe(c: InvalidChar): string {
  const code = formatCodePoint(c.codePoint);
  const name = NAMES[c.codePoint];
  switch (c.kind) {
    case 'control':
      return c.forbidden
        ? `文字中有 XML 不允许的控制字符 ${code}（${name ?? 'ASCII 控制码'}），Word 无法打开含有它的文档：请删除`
        : `文字中有不可见的控制字符 ${code}（${name ?? 'C1 控制码'}），多半来自编码转换或复制粘贴，生成的文稿里会删去它：请删除`;
    case 'surrogate':
      return `文字中有 XML 不允许的孤立代理项 ${code}（半个 UTF-16 字符对，不是文字），Word 无法打开含有它的文档：请删除`;
    case 'noncharacter':
      return c.forbidden
        ? `文字中有 XML 不允许的非字符 ${code}（${name ?? '不代表任何文字'}），Word 无法打开含有它的文档：请删除`
        : `文字中有 Unicode 非字符 ${code}（不代表任何文字），生成的文稿里会删去它：请删除`;
  }
}

export const invalidChar = defineRule('invalid-char', ({ loaded }) => {
  const findings: Finding[] = [];
  for (const { path, value } of textFields(loaded.plan)) {
    const found = findInvalidChars(value);
    if (found.length === 0) continue;
    const node = textNode(loaded, path, value);
    // No scalar here: an alias (*名称), whose text is reported, and fixed, where its anchor writes it.
    if (!node) continue;
    const written = occurrencesInSource(loaded.source, node, isInvalidCodePoint);
    // The source is read character by character rather than through spanInString, which maps a
    // folded or escaped string only approximately: a deletion one character off would remove text.
    const exact = written.length === found.length;
    found.forEach((c, k) => {
      const message = describe(c);
      const at = written[k];
      if (!exact || !at) {
        const span = isValuesKey(path, value) ? spanOf(loaded, node.range![0], node.range![1]) : spanInString(loaded, path, c.index, c.index + c.char.length);
        findings.push({ path, message, span });
        return;
      }
      if (at.escaped) {
        // Written as an escape: say which, since the character itself shows nowhere in the file.
        findings.push({ path, message: `${message}双引号里的转义“${loaded.source.slice(at.from, at.to)}”`, span: spanOf(loaded, at.from, at.to) });
        return;
      }
      const edits: SourceEdit[] = isSafeToDelete(loaded.source, node, at.from, at.to)
        ? [{ from: at.from, to: at.to, text: '', path, value: { start: c.index, end: c.index + c.char.length, text: '' } }]
        : [];
      findings.push({ path, message, span: spanOf(loaded, at.from, at.to), ...(edits.length > 0 ? { edits } : {}) });
    });
  }
  return findings;
});
