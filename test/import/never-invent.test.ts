/**
 * Import never invents, never doubles, never drops silently: each test is a small document of
 * our own writing in a shape where an earlier import made text up, printed it twice or lost it.
 */
import { describe, expect, it } from 'vitest';
import { readTextLines } from '../../src/import/read-text.js';
import { recognizePlan } from '../../src/import/recognize-plan.js';
import { removeWebNoise } from '../../src/import/remove-web-noise.js';
import type { SourceBlock, SourceDocument } from '../../src/import/source-document.js';
import { writePlanYaml } from '../../src/import/write-plan-yaml.js';

const doc = (text: string, format: SourceDocument['format'] = 'txt'): SourceDocument => removeWebNoise({ format, blocks: readTextLines(text), removed: [] });
const importText = (source: SourceDocument, kind?: 'speech' | 'opinion') => {
  const { plan, guesses } = recognizePlan(source, { today: '2031-05-05', ...(kind ? { kind } : {}) });
  return { plan, guesses, yaml: writePlanYaml(plan, guesses, 'source.txt').text };
};
const count = (text: string, part: string) => text.split(part).length - 1;

describe('import invents nothing', () => {
  it('writes no 成文日期 when the source has none, and says so', () => {
    const { plan, guesses, yaml } = importText(doc(['柳岸镇2027年河道保洁工作安排意见', '一、明确责任', '1.落实河长巡查。每周巡河一次。'].join('\n')));
    expect(plan['date']).toBeUndefined();
    expect(yaml).not.toMatch(/2031/);
    expect(guesses.find((g) => g.path[0] === 'date')?.message).toMatch(/没有成文日期/);
  });

  it('takes a page’s 发布时间 only as a fallback, with a comment', () => {
    const { plan, guesses } = importText(doc(['柳岸镇2027年河道保洁工作安排意见', '发布时间：2027-02-11  来源：柳岸镇政府', '一、明确责任', '1.落实河长巡查。每周巡河一次。'].join('\n')));
    expect(plan['date']).toBe('2027-02-11');
    expect(guesses.find((g) => g.path[0] === 'date')?.message).toMatch(/发布时间.*2027-02-11/);
  });

  it('prefers the document’s own 成文日期 to the page’s 发布时间', () => {
    const { plan, guesses } = importText(doc(['柳岸镇2027年河道保洁工作安排意见', '发布时间：2027-02-11', '一、明确责任', '1.落实河长巡查。每周巡河一次。', '柳岸镇人民政府', '2027年2月3日'].join('\n')));
    expect(plan['date']).toBe('2027-02-03');
    expect(guesses.some((g) => g.path[0] === 'date')).toBe(false);
  });

  it('makes no 部分 out of the title when the body has no numbering: the title is printed once', () => {
    const title = '关于做好汛期值班工作的通知';
    const { plan, yaml } = importText(doc([title, '各村委会：', '入汛以来降雨偏多，各村要安排专人值守，遇险情立即上报。', '值班表请于本周五前报镇办公室。'].join('\n')));
    expect(plan['sections']).toBeUndefined();
    expect(count(yaml, title)).toBe(1);
    expect(plan['guidance']).toBe('入汛以来降雨偏多，各村要安排专人值守，遇险情立即上报。\n值班表请于本周五前报镇办公室。');
  });

  it('leaves the title empty, with a comment, rather than writing one of its own', () => {
    const cells = (...texts: string[]) => texts.map((text) => ({ text }));
    const table: SourceDocument = { format: 'md', removed: [], blocks: [{ kind: 'table', rows: [cells('序号', '工作任务', '牵头单位'), cells('1', '清理河面漂浮物', '镇环卫所')] }] };
    const { plan, guesses, yaml } = importText(table);
    expect(plan['title']).toBe('');
    expect(yaml).not.toMatch(/待定/);
    expect(guesses.find((g) => g.path[0] === 'title')?.message).toMatch(/没有标题/);
  });

  it('writes no 待补充 and does not repeat the title as a part of a speech without parts', () => {
    const title = '在全镇河道保洁推进会上的发言';
    const { plan, yaml } = importText(doc([title, '各位领导，同志们：', '今年我们村把河道保洁写进村规民约，家家户户门前有人管。', '下一步，我们还要把保洁和护绿结合起来。'].join('\n')));
    expect(plan['kind']).toBe('speech');
    expect(yaml).not.toMatch(/待补充/);
    expect(count(yaml, title)).toBe(1);
  });
});

describe('import drops nothing silently', () => {
  it('keeps numbered paragraphs before the first 部分 in the guidance, numbers and all', () => {
    const numbered = (text: string): SourceBlock => ({ kind: 'paragraph', text, numberLength: 2 });
    const source: SourceDocument = {
      format: 'docx',
      removed: [],
      blocks: [
        { kind: 'paragraph', text: '2027年社区养老服务工作要点', title: true },
        numbered('1.坚持需求导向，老人要什么就办什么。'),
        numbered('2.坚持就近便利，服务送到楼栋门口。'),
        { kind: 'paragraph', text: '一、完善服务网点', headingLevel: 0 },
        { kind: 'paragraph', text: '1.建好助餐点。每个社区至少一个。', numberLength: 2 },
      ],
    };
    const { plan } = importText(source);
    expect(plan['guidance']).toBe('1.坚持需求导向，老人要什么就办什么。\n2.坚持就近便利，服务送到楼栋门口。');
    expect(plan['sections']).toEqual([{ title: '完善服务网点', measures: [{ title: '建好助餐点', text: '每个社区至少一个。' }] }]);
  });

  it('keeps a table of the body and the text of an attachment verbatim in comments', () => {
    const source: SourceDocument = {
      format: 'docx',
      removed: [],
      blocks: [
        { kind: 'paragraph', text: '2027年社区养老服务工作要点', title: true },
        { kind: 'paragraph', text: '一、完善服务网点' },
        { kind: 'paragraph', text: '1.建好助餐点。每个社区至少一个。' },
        { kind: 'table', rows: [[{ text: '社区' }, { text: '床位' }], [{ text: '东坡' }, { text: '12' }]] },
        { kind: 'paragraph', text: '附件', pageBreakBefore: true },
        { kind: 'paragraph', text: '助餐点选址须靠近老人集中居住的楼栋。' },
      ],
    };
    const { guesses, yaml } = importText(source);
    const kept = guesses.flatMap((g) => (g.verbatim === undefined ? [] : [g.verbatim]));
    expect(kept).toEqual(['社区 | 床位\n东坡 | 12', '助餐点选址须靠近老人集中居住的楼栋。']);
    expect(yaml).toContain('# 　东坡 | 12');
    expect(yaml).toContain('# 　助餐点选址须靠近老人集中居住的楼栋。');
  });

  it('keeps what stands after the 成文日期', () => {
    const { guesses } = importText(doc(['2027年社区养老服务工作要点', '一、完善服务网点', '1.建好助餐点。每个社区至少一个。', '东坡街道办事处', '2027年1月9日', '联系电话另行通知，请各社区留意。'].join('\n')));
    expect(guesses.map((g) => g.verbatim).filter(Boolean)).toEqual(['联系电话另行通知，请各社区留意。']);
  });
});
