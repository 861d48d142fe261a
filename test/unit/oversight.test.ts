/** The pieces of status and diff that carry arithmetic: deadlines, report of the day, targets met, similarity. */
import { describe, expect, it } from 'vitest';
import { bigramSet, BigramIndex, dice } from '../../src/compare/similarity.js';
import { targetScore } from '../../src/oversight/measure-status.js';
import { currentProgress, type Measure } from '../../src/plan/model.js';
import { daysBetween, dueDeadline, periodOf } from '../../src/text/dates.js';

describe('dueDeadline', () => {
  it.each([
    ['2025-06-30', '2025-06-30'],
    ['2025-02', '2025-02-28'],
    ['2024-02', '2024-02-29'],
    ['上半年', '2025-06-30'],
    ['下半年', '2025-12-31'],
    ['全年', '2025-12-31'],
    ['年底前', '2025-12-31'],
    ['9月底前', '2025-09-30'],
    ['11月底前', '2025-11-30'],
  ])('%s → %s', (due, iso) => expect(dueDeadline(due, 2025)).toBe(iso));
  it.each(['长期坚持', '持续推进', '長期堅持', '持續推進'])('%s has no deadline', (due) => expect(dueDeadline(due, 2025)).toBeUndefined());
  it('counts days across months and years', () => {
    expect(daysBetween('2025-06-30', '2025-09-30')).toBe(92);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2025-10-31', '2025-10-01')).toBe(-30);
  });
  it('names the period of a date by its quarter', () => {
    expect(['2025-01-31', '2025-06-30', '2025-09-30', '2025-12-31'].map(periodOf)).toEqual(['第一季度', '上半年', '第三季度', '第四季度']);
  });
});

describe('currentProgress', () => {
  const measure: Measure = {
    title: '举措',
    progress: [
      { date: '2025-09-30', status: 'ongoing', values: { a: 2 } },
      { date: '2025-03-31', status: 'planned' },
      { date: '2025-12-01', status: 'done', values: { a: 4 }, result: '完成', note: '说明' },
    ],
  };
  it('takes the latest dated report, written in any order, without its date and note', () => {
    expect(currentProgress(measure)).toEqual({ status: 'done', values: { a: 4 }, result: '完成' });
  });
  it('takes the latest report up to a day, and none before the first', () => {
    expect(currentProgress(measure, '2025-10-01')).toEqual({ status: 'ongoing', values: { a: 2 } });
    expect(currentProgress(measure, '2025-09-30')?.status).toBe('ongoing');
    expect(currentProgress(measure, '2025-01-01')).toBeUndefined();
  });
  it('keeps a v1 single progress at any date', () => {
    const v1: Measure = { title: '举措', progress: { status: 'ongoing', values: { a: 1 } } };
    expect(currentProgress(v1)).toBe(v1.progress);
    expect(currentProgress(v1, '2000-01-01')).toBe(v1.progress);
  });
});

describe('targetScore: qualifiers respected', () => {
  const t = (value: number, qualifier?: '以上' | '左右' | '以内' | '以下') => ({ name: 'x', value, ...(qualifier ? { qualifier } : {}) });
  it('reads a plain or 以上 target as a floor, capped at 1', () => {
    expect(targetScore(t(12), 9)).toBe(0.75);
    expect(targetScore(t(150, '以上'), 186)).toBe(1);
  });
  it('meets 左右 within 5 % below', () => {
    expect(targetScore(t(800, '左右'), 770)).toBe(1);
    expect(targetScore(t(800, '左右'), 600)).toBe(0.75);
  });
  it('reads 以内 and 以下 as ceilings', () => {
    expect(targetScore(t(3, '以内'), 2)).toBe(1);
    expect(targetScore(t(3, '以下'), 6)).toBe(0.5);
  });
});

describe('similarity', () => {
  it('scores the same text 1 and unrelated text near 0, punctuation ignored', () => {
    expect(dice(bigramSet('开展“政企面对面”恳谈活动'), bigramSet('开展政企面对面恳谈活动。'))).toBe(1);
    expect(dice(bigramSet('建设智慧统战信息平台'), bigramSet('深化民族团结进步创建'))).toBe(0);
  });
  it('finds the closest entry through the index', () => {
    const texts = ['推进基层统战工作规范化建设', '加强党外干部培养选拔', '做好网络人士统战工作'];
    const index = new BigramIndex(texts.map(bigramSet));
    expect(index.candidates(bigramSet('巩固基层统战工作规范化建设成果'))[0]!.index).toBe(0);
  });
});
