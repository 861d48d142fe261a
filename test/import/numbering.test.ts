/** Numbering as the source has it: 一、 stays a 部分, typed 2. 3. keep their places, （1） stays text. */
import { describe, expect, it } from 'vitest';
import { readTextLines } from '../../src/import/read-text.js';
import { recognizePlan } from '../../src/import/recognize-plan.js';
import type { SourceDocument } from '../../src/import/source-document.js';

const importText = (lines: string[]) => {
  const doc: SourceDocument = { format: 'txt', blocks: readTextLines(lines.join('\n')), removed: [] };
  return recognizePlan(doc, { today: '2031-05-05' });
};
const TITLE = '柳岸镇2027年河道保洁工作安排意见';

describe('numbering as the source has it', () => {
  it('reads the unnumbered paragraph before 2. as the 1. a web copy lost, so 2. and 3. stay 2. and 3.', () => {
    const { plan, guesses } = importText([
      TITLE,
      '一、落实保洁责任',
      '明确河段责任人。每条河道落实一名镇干部和一名村干部。',
      '2. 建立巡查台账。巡查情况每周登记一次。',
      '3. 开展交叉检查。每月组织村与村互查。',
    ]);
    expect(plan['sections']).toEqual([
      {
        title: '落实保洁责任',
        measures: [
          { title: '明确河段责任人', text: '每条河道落实一名镇干部和一名村干部。' },
          { title: '建立巡查台账', text: '巡查情况每周登记一次。' },
          { title: '开展交叉检查', text: '每月组织村与村互查。' },
        ],
      },
    ]);
    expect(guesses.map((g) => g.message).join()).toMatch(/没有编号.*按第 1 项读取/);
  });

  it('says a gap in typed numbers it cannot fill', () => {
    const { guesses } = importText([TITLE, '一、落实保洁责任', '1.明确河段责任人。每条河道落实一名镇干部。', '3.开展交叉检查。每月组织村与村互查。']);
    expect(guesses.map((g) => g.message).join()).toMatch(/编号是 1、3/);
  });

  it('keeps 一、 parts as 部分 with their text when nothing is numbered below them', () => {
    const { plan } = importText([TITLE, '一、落实保洁责任', '每条河道落实一名镇干部和一名村干部，分段包干。', '二、加强督查考核', '镇纪委每季度通报一次保洁情况。']);
    expect(plan['sections']).toEqual([
      { title: '落实保洁责任', intro: '每条河道落实一名镇干部和一名村干部，分段包干。' },
      { title: '加强督查考核', intro: '镇纪委每季度通报一次保洁情况。' },
    ]);
    expect(plan['measures']).toBeUndefined();
  });

  it('keeps （1） lines under a 部分 as its text, numbers and all, not as bold 举措', () => {
    const { plan } = importText([TITLE, '一、落实保洁责任', '各村要做到：', '（1）河面无漂浮物；', '（2）河岸无垃圾堆放。', '二、加强督查考核', '镇纪委每季度通报一次。']);
    expect(plan['sections']).toEqual([
      { title: '落实保洁责任', intro: '各村要做到：\n（1）河面无漂浮物；\n（2）河岸无垃圾堆放。' },
      { title: '加强督查考核', intro: '镇纪委每季度通报一次。' },
    ]);
  });

  it('reads short unnumbered 小标题 as 部分 when the body has no numbering, a subtitle under the title aside', () => {
    const { plan } = importText([
      '柳岸镇河道保洁见实效',
      '全镇二十条河道实现常态化保洁',
      '今年以来，柳岸镇把河道保洁作为改善人居环境的重点，全镇面貌明显改观。',
      '责任落到每一段',
      '镇里把二十条河道分给镇村干部包干，每段河岸都立了公示牌。',
      '群众参与见成效',
      '沿河住户当起了义务监督员，发现问题随手拍、随时报。',
    ]);
    expect(plan['guidance']).toBe('全镇二十条河道实现常态化保洁\n今年以来，柳岸镇把河道保洁作为改善人居环境的重点，全镇面貌明显改观。');
    expect(plan['sections']).toEqual([
      { title: '责任落到每一段', intro: '镇里把二十条河道分给镇村干部包干，每段河岸都立了公示牌。' },
      { title: '群众参与见成效', intro: '沿河住户当起了义务监督员，发现问题随手拍、随时报。' },
    ]);
    expect(plan['outline']).toEqual({ sections: 'unnumbered' });
  });

  it('keeps 一、 items that carry their units as 举措', () => {
    const { plan } = importText([TITLE, '一、清理河面漂浮物。每周一次。（牵头单位：镇环卫所）', '二、建立巡河台账。逐村登记。（牵头单位：镇河长办）']);
    expect(plan['measures']).toEqual([
      { title: '清理河面漂浮物', text: '每周一次。', lead: '镇环卫所' },
      { title: '建立巡河台账', text: '逐村登记。', lead: '镇河长办' },
    ]);
  });
});
