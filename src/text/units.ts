/**
 * A number and its unit (1000人, 3期, 2025年, 1号) belong on one line. The unit is the Han
 * character right after a digit, or two of them where they make one unit (人次, 万元).
 */
const TWO_CHARACTER_UNITS = new Set(['人次', '万元', '亿元', '万人', '个月', '小时', '公里', '余人', '余家', '余个', '余项', '余次', '多人', '多家', '多个']);

/** Characters at `chars[i]` that form a unit following a digit: 0 when none, else 1 or 2. */
export function unitLength(chars: readonly string[], i: number): 0 | 1 | 2 {
  if (i === 0 || !/[0-9]/.test(chars[i - 1]!) || !/\p{Script=Han}/u.test(chars[i] ?? '')) return 0;
  return TWO_CHARACTER_UNITS.has(chars[i]! + (chars[i + 1] ?? '')) ? 2 : 1;
}
