import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatDue, isValidDue } from '../../src/text/dates.js';
import { formatLevelNumber, formatOrdinal, toChineseNumeral } from '../../src/text/numerals.js';
import { suggestClosest } from '../../src/text/suggest.js';

describe('Chinese numerals', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [90, '九十'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
  ])('%i → %s', (n, s) => {
    expect(toChineseNumeral(n)).toBe(s);
  });

  it('numbers the four GB/T 9704 levels', () => {
    expect([1, 2, 3, 4].map((l) => formatLevelNumber(l as 1 | 2 | 3 | 4, 12))).toEqual(['十二、', '（十二）', '12.', '（12）']);
  });

  it('makes speech ordinals', () => {
    expect([1, 10, 11].map(formatOrdinal)).toEqual(['一是', '十是', '十一是']);
  });
});

describe('dates', () => {
  it('writes dates without zero padding', () => {
    expect(formatChineseDate('2025-01-06')).toBe('2025年1月6日');
    expect(formatChineseDate('2025-10-30')).toBe('2025年10月30日');
  });
  it('writes deadlines as offices do', () => {
    expect(formatDue('2025-06')).toBe('2025年6月底前');
    expect(formatDue('2025-06-30')).toBe('2025年6月30日前');
    expect(formatDue('全年')).toBe('全年');
  });
  it('validates deadline phrases', () => {
    expect(isValidDue('6月底前')).toBe(true);
    expect(isValidDue('6月前')).toBe(false);
  });
});

describe('suggestions', () => {
  it('suggests close keys and refuses far ones', () => {
    expect(suggestClosest('secitons', ['sections', 'title'])).toBe('sections');
    expect(suggestClosest('Title', ['sections', 'title'])).toBe('title');
    expect(suggestClosest('zzz', ['sections', 'title'])).toBeUndefined();
  });
});
