/**
 * invisible-format: the Unicode formatting characters that change how text shows without being
 * text: the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 * which can make a line read in an order it is not written in (“Trojan Source”), and U+FEFF, a
 * byte order mark pasted into the middle of a value. A Chinese 公文 has no use for any of them;
 * --fix deletes each, where deleting one character leaves the YAML meaning the same.
 */
import { deletionFindings } from './char-occurrences.js';
import { defineRule } from './types.js';

const FORMAT_CHARS = /[\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMES: Readonly<Record<number, string>> = {
  0x202a: '从左到右嵌入 LRE',
  0x202b: '从右到左嵌入 RLE',
  0x202c: '嵌入结束 PDF',
  0x202d: '从左到右强制 LRO',
  0x202e: '从右到左强制 RLO',
  0x2066: '从左到右隔离 LRI',
  0x2067: '从右到左隔离 RLI',
  0x2068: '首字方向隔离 FSI',
  0x2069: '隔离结束 PDI',
  0xfeff: '字节顺序标记 BOM',
};

const isFormatChar = (codePoint: number) => NAMES[codePoint] !== undefined;

function describe(codePoint: number): string {
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return codePoint === 0xfeff
    ? `文字中间有看不见的 ${code}（${NAMES[codePoint]}），多半来自复制粘贴：请删除`
    : `文字中有看不见的双向文字控制符 ${code}（${NAMES[codePoint]}），会让文字显示的顺序与书写的顺序不同：请删除`;
}

export const invisibleFormat = defineRule('invisible-format', ({ loaded }) =>
  deletionFindings(loaded, (value) => [...value.matchAll(FORMAT_CHARS)].map((m) => ({ index: m.index, length: 1, message: describe(m[0].codePointAt(0)!) })), isFormatChar),
);
