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
import { deletionFindings } from './char-occurrences.js';
import { defineRule } from './types.js';

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

export const invalidChar = defineRule('invalid-char', ({ loaded }) =>
  deletionFindings(
    loaded,
    (value) => findInvalidChars(value).map((c) => ({ index: c.index, length: c.char.length, message: describe(c) })),
    isInvalidCodePoint,
  ),
);
