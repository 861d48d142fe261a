/** Speeches recognised as a 文秘 recognises them, and plans left plans. */
import { describe, expect, it } from 'vitest';
import { readTextLines } from '../../src/import/read-text.js';
import { recognizePlan } from '../../src/import/recognize-plan.js';
import type { SourceDocument } from '../../src/import/source-document.js';

const kindOf = (lines: string[]) => {
  const doc: SourceDocument = { format: 'txt', blocks: readTextLines(lines.join('\n')), removed: [] };
  return recognizePlan(doc, { today: '2031-05-05' }).plan['kind'] ?? 'opinion';
};
const PARTS = ['一、抓住责任这个关键', '我们把河道分给镇村干部包干，一是明确河段，二是明确时限，三是明确标准。', '二、用好群众这支力量', '我们请沿河住户当义务监督员，发现问题随手拍、随时报。'];

describe('speeches recognised', () => {
  it('by a 在……上的 title, whatever its last word', () => {
    expect(kindOf(['在全镇河道保洁现场会上的经验介绍', ...PARTS])).toBe('speech');
  });

  it('by a salutation under the title', () => {
    expect(kindOf(['柳岸村河道保洁工作情况', '同志们：', ...PARTS])).toBe('speech');
  });

  it('by an opening that ends in 汇报如下', () => {
    expect(kindOf(['柳岸村：河道有人管 村庄更干净', '近两年，我村按照镇里的部署抓河道保洁，现将主要做法汇报如下：', ...PARTS])).toBe('speech');
  });

  it('by its closing words', () => {
    expect(kindOf(['柳岸村：河道有人管 村庄更干净', ...PARTS, '以上汇报，不妥之处请批评指正。'])).toBe('speech');
  });

  it('by the first person speaking through 一是、二是', () => {
    expect(kindOf(['柳岸村：河道有人管 村庄更干净', ...PARTS, '我们还要把保洁和护绿结合起来，我村已经种下樱花两百株。'])).toBe('speech');
  });

  it('not a plan with its 1. 举措 and unit parentheticals, nor a 要点 by its title', () => {
    expect(kindOf(['柳岸村2027年河道保洁工作要点', ...PARTS, '以上汇报，不妥之处请批评指正。'])).toBe('opinion');
    expect(kindOf(['柳岸村河道保洁工作安排', '近两年，我村按照镇里的部署抓河道保洁，现将主要做法汇报如下：', '一、抓住责任', '1.明确河段。分段包干。（牵头单位：村委会；完成时限：全年）'])).toBe('opinion');
  });

  it('not a news item told in the third person', () => {
    expect(kindOf(['柳岸镇河道保洁见实效', '今年以来，柳岸镇组织干部群众分段包干，河道面貌明显改善。', '镇里还聘请了十名义务监督员。'])).toBe('opinion');
  });

  it('keeps a subtitle in the opening rather than as the speaker, and never empties a part for its closing', () => {
    const doc: SourceDocument = {
      format: 'txt',
      blocks: readTextLines(['柳岸村：河道有人管 村庄更干净', '把保洁责任落到每一段河岸', '近两年，我村按照镇里的部署抓河道保洁，现将主要做法汇报如下：', ...PARTS].join('\n')),
      removed: [],
    };
    const { plan } = recognizePlan(doc, { today: '2031-05-05' });
    const speech = plan['speech'] as Record<string, unknown>;
    expect(speech['speaker']).toBeUndefined();
    expect(speech['opening']).toBe('把保洁责任落到每一段河岸\n近两年，我村按照镇里的部署抓河道保洁，现将主要做法汇报如下：');
    expect(speech['closing']).toBeUndefined();
    expect((plan['sections'] as { text?: string }[]).map((p) => p.text)).toEqual([PARTS[1], PARTS[3]]);
  });

  it('reads the speaker and date under the title of a .docx that does not centre them', () => {
    const paragraphs = ['在全镇河道保洁推进会上的讲话', '镇党委副书记 王某', '（2027年3月2日）', '同志们：', '今天召开这次会议，主要是部署今年的河道保洁工作。', ...PARTS];
    const doc: SourceDocument = { format: 'docx', removed: [], blocks: paragraphs.map((text) => ({ kind: 'paragraph', text })) };
    const speech = recognizePlan(doc, { today: '2031-05-05' }).plan['speech'] as Record<string, unknown>;
    expect([speech['speaker'], speech['date'], speech['salutation']]).toEqual(['镇党委副书记 王某', '2027-03-02', '同志们：']);
  });

  it('reads a speaker line that is a name alone', () => {
    const doc: SourceDocument = { format: 'txt', removed: [], blocks: readTextLines(['在全镇河道保洁推进会上的发言', '王小明', '各位领导：', '今年我们村把河道保洁写进村规民约。', ...PARTS].join('\n')) };
    expect((recognizePlan(doc, { today: '2031-05-05' }).plan['speech'] as Record<string, unknown>)['speaker']).toBe('王小明');
  });
});
