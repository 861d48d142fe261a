/** Chinese numerals for computed numbering (GB/T 9704-2012 §7.3.3). */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九, 100 → 一百, 105 → 一百零五.
 * Plans never need more; anything above 999 falls back to Arabic digits rather than guess.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tens = Math.floor(rest / 10);
  const ones = rest % 10;
  let out = '';
  if (hundreds) out += `${DIGITS[hundreds]}百`;
  if (tens) out += `${hundreds || tens > 1 ? DIGITS[tens] : ''}十`;
  else if (hundreds && ones) out += '零';
  if (ones) out += DIGITS[ones];
  return out;
}

/** The number a heading or item carries at each level: 一、 （一） 1. （1）. */
export function formatLevelNumber(level: 1 | 2 | 3 | 4, n: number): string {
  switch (level) {
    case 1:
      return `${toChineseNumeral(n)}、`;
    case 2:
      return `（${toChineseNumeral(n)}）`;
    case 3:
      // House style: ASCII full stop after Arabic digits, as most offices type it.
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/** Ordinals used inside speech paragraphs: 一是, 二是, … 十一是. */
export function formatOrdinal(n: number): string {
  return `${toChineseNumeral(n)}是`;
}
