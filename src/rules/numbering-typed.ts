/** numbering-typed: a title that starts with a number the tool would add itself (一、 （一） 1. 2、 一是). */
import { sourceEdits, spanInString } from './text-fields.js';
import { numberedTitles } from '../plan/plan-walk.js';
import { defineRule, type Edit } from './types.js';

const TYPED = /^\s*(?:[一二三四五六七八九十百]+[、.．是]|[（(][一二三四五六七八九十百\d]+[）)]|\d+\s*[.．、)）](?!\d)|[①-⑳])\s*/u;

export function typedNumberEdit(value: string): Edit[] {
  const m = TYPED.exec(value);
  // Stripping must leave a title behind.
  if (!m || m[0].length >= value.trim().length) return [];
  return [{ start: 0, end: m[0].length, text: '' }];
}

export const numberingTyped = defineRule('numbering-typed', ({ loaded }) => {
  return numberedTitles(loaded.plan).flatMap(({ path, value }) =>
    typedNumberEdit(value).map((e) => ({
      path,
      message: `“${value.slice(e.start, e.end).trim()}”是手打的序号：序号由工具按位置计算，请删去`,
      span: spanInString(loaded, path, e.start, e.end),
      edits: sourceEdits(loaded, path, [e]),
    })),
  );
});
