import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/model.js';
import { findFigureReferences, indexFigures, resolveFigure, substituteFigures } from '../../src/speech/figure-references.js';
import { framingSentence, phraseFigures } from '../../src/speech/figure-phrases.js';

const plan = (values: Record<string, number>, extra: Partial<Plan> = {}): Plan => ({
  title: '2025年工作安排意见',
  date: '2025-02-10',
  sections: [
    {
      title: '加强思想引领',
      measures: [
        {
          title: '举办党外代表人士理论研修班',
          targets: [
            { name: '党外代表人士理论研修班', value: 4, unit: '期' },
            { name: '意见办结率', value: 95, unit: '%' },
            { name: '参训人数', value: 100 },
          ],
          progress: { status: 'ongoing', values },
        },
      ],
    },
  ],
  ...extra,
});

describe('figure references: the syntax', () => {
  it('finds {=名称} and {=举措：名称}, in either width, with their exact characters', () => {
    const text = '举办研修班{=党外代表人士理论研修班}，办结率｛＝理论：意见办结率｝，{＝参训人数}';
    const refs = findFigureReferences(text);
    expect(refs.map((r) => text.slice(r.start, r.end))).toEqual(['{=党外代表人士理论研修班}', '｛＝理论：意见办结率｝', '{＝参训人数}']);
    expect(refs[1]).toMatchObject({ measure: '理论', name: '意见办结率', closed: true, escaped: false });
    expect(refs[0]!.start).toBe(5);
  });

  it('reads the last colon as the separator, so a measure title may hold one', () => {
    expect(findFigureReferences('{=坚持：两手抓:研修班}')[0]).toMatchObject({ measure: '坚持：两手抓', name: '研修班' });
  });

  it('keeps an unclosed reference to the end of its line, and never past it', () => {
    const refs = findFigureReferences('甲{=研修班\n乙}');
    expect(refs).toEqual([{ start: 1, end: 6, escaped: false, closed: false, name: '研修班' }]);
  });

  it('leaves braces of plain prose alone: {lead}, ｛注｝, 〔2025〕, = signs', () => {
    for (const text of ['（{lead}牵头）', '｛注｝', '某统发〔2025〕1号', 'a = {b}', '{ =x}', '=}{']) expect(findFigureReferences(text)).toEqual([]);
  });

  it('property: text without a brace followed by an equals sign passes through substitution untouched', () => {
    const index = indexFigures(plan({ 党外代表人士理论研修班: 3 }));
    const pieces = fc.constantFrom('研修班', '{', '}', '｛', '｝', '=', '＝', '\\', '3期', '，', '\n', ' ', '{lead}', '〔2025〕', 'a', '=}');
    const prose = fc
      .array(pieces, { maxLength: 30 })
      .map((p) => p.join(''))
      .filter((t) => !/[{｛][=＝]/.test(t));
    fc.assert(fc.property(prose, (text) => substituteFigures(text, index) === text));
  });

  it('property: \\{= writes the characters themselves, whatever follows', () => {
    const index = indexFigures(plan({ 党外代表人士理论研修班: 3 }));
    fc.assert(
      fc.property(fc.stringMatching(/^[^{}｛｝\\\n]*$/), (body) => {
        expect(substituteFigures(`甲\\{=${body}}乙`, index)).toBe(`甲{=${body}}乙`);
      }),
    );
  });
});

describe('figure references: resolving and substituting', () => {
  it('substitutes the current value with its unit, and a value without unit as the number', () => {
    const index = indexFigures(plan({ 党外代表人士理论研修班: 3, 意见办结率: 96, 参训人数: 120 }));
    expect(substituteFigures('举办研修班{=党外代表人士理论研修班}，办结率达{=意见办结率}，参训{=参训人数}人', index)).toBe(
      '举办研修班3期，办结率达96%，参训120人',
    );
  });

  it('shows the new figure everywhere after the progress changes, and the old one nowhere', () => {
    const text = '研修班{=党外代表人士理论研修班}。再说一遍：{=党外代表人士理论研修班}';
    expect(substituteFigures(text, indexFigures(plan({ 党外代表人士理论研修班: 3 })))).toBe('研修班3期。再说一遍：3期');
    const after = substituteFigures(text, indexFigures(plan({ 党外代表人士理论研修班: 4 })));
    expect(after).toBe('研修班4期。再说一遍：4期');
    expect(after).not.toContain('3期');
  });

  it('leaves an unresolved reference as written (check reports it; build stops first)', () => {
    expect(substituteFigures('{=没有这个}', indexFigures(plan({ 参训人数: 1 })))).toBe('{=没有这个}');
  });

  it('suggests the closest name, or the one name that contains what was written', () => {
    const index = indexFigures(plan({ 党外代表人士理论研修班: 3, 意见办结率: 96 }));
    expect(resolveFigure(index, { name: '意见办节率' })).toEqual({ kind: 'unknown', suggestion: '意见办结率' });
    expect(resolveFigure(index, { name: '理论研修班' })).toEqual({ kind: 'unknown', suggestion: '党外代表人士理论研修班' });
    expect(resolveFigure(index, { name: '完全无关的名字' })).toEqual({ kind: 'unknown' });
  });

  it('narrows values of one name by the measure, and calls the rest ambiguous', () => {
    const two = plan({ 参训人数: 1 });
    two.sections![0]!.measures!.push({ title: '举办新阶层人士研修班', progress: { status: 'done', values: { 参训人数: 7 } } });
    const index = indexFigures(two);
    expect(resolveFigure(index, { name: '参训人数' }).kind).toBe('ambiguous');
    expect(substituteFigures('{=新阶层：参训人数}和{=党外：参训人数}', index)).toBe('7和1');
    expect(resolveFigure(index, { measure: '没有的举措', name: '参训人数' }).kind).toBe('unknown');
  });
});

describe('figures said as a report says them', () => {
  const say = (f: { value?: number; unit?: string }) => `${f.value}${f.unit ?? ''}`;
  it('puts a verb before a rate and a count whose name has none, and keeps a verb the name has', () => {
    expect(phraseFigures([{ name: '意见办结率', value: 96, unit: '%' }], say)).toEqual(['意见办结率达96%']);
    expect(phraseFigures([{ name: '志愿服务时长', value: 300, unit: '小时' }], say)).toEqual(['志愿服务时长达300小时']);
    expect(phraseFigures([{ name: '召开政企恳谈会', value: 3, unit: '场' }], say)).toEqual(['召开政企恳谈会3场']);
    expect(phraseFigures([{ name: '满意度达到', value: 90, unit: '%' }], say)).toEqual(['满意度达到90%']);
  });

  it('says a name once: a repeated head, or a verb’s whole object, is dropped', () => {
    expect(
      phraseFigures(
        [
          { name: '召开政企恳谈会', value: 3, unit: '场' },
          { name: '收集企业诉求', value: 112, unit: '件' },
          { name: '企业诉求办结率', value: 96, unit: '%' },
        ],
        say,
      ).join('，'),
    ).toBe('召开政企恳谈会3场，收集企业诉求112件，办结率达96%');
    expect(
      phraseFigures(
        [
          { name: '举办党外代表人士理论研修班', value: 3, unit: '期' },
          { name: '培训党外代表人士', value: 186, unit: '人次' },
        ],
        say,
      ),
    ).toEqual(['举办党外代表人士理论研修班3期', '培训186人次']);
  });

  it('frames a section by its first clause and the number of its points', () => {
    expect(framingSentence(3, '坚持思想引领，筑牢共同思想政治基础')).toBe('围绕坚持思想引领，重点抓了三个方面：');
    expect(framingSentence(2, undefined)).toBe('重点抓了两个方面：');
    expect(framingSentence(1, '夯实基层基础')).toBe('围绕夯实基层基础，重点抓了以下工作：');
    expect([1, 2, 3].map((i) => framingSentence(4, undefined, undefined, i))).toEqual(['着力做好四个方面的工作：', '主要在四个方面下功夫：', '重点抓了四个方面：']);
  });
});
