/** The title by its shape: 公文-shaped lines first, never noise, a salutation, a 主送 or a paragraph. */
import { describe, expect, it } from 'vitest';
import { readTextLines } from '../../src/import/read-text.js';
import { recognizePlan } from '../../src/import/recognize-plan.js';
import { isGongwenTitle, isTitleShaped } from '../../src/import/recognize-title.js';
import { removeWebNoise } from '../../src/import/remove-web-noise.js';
import type { SourceDocument } from '../../src/import/source-document.js';

const importText = (lines: string[]) => {
  const doc: SourceDocument = removeWebNoise({ format: 'txt', blocks: readTextLines(lines.join('\n')), removed: [] });
  return recognizePlan(doc, { today: '2031-05-05' });
};
const titleOf = (lines: string[]) => {
  const { plan } = importText(lines);
  return (plan['speech'] as { title?: string } | undefined)?.title ?? plan['title'];
};
const BODY = '今年以来，全镇把河道保洁作为改善人居环境的头等大事来抓，组织村组干部和志愿者分段包干，每周开展一次集中清理，群众满意度明显提高。';

describe('the title by its shape', () => {
  it('knows the shapes of 公文 titles', () => {
    for (const t of ['关于做好汛期值班工作的通知', '柳岸镇2027年河道保洁工作要点', '2027年社区养老服务安排意见', '在全镇河道保洁推进会上的发言', '在全区养老服务工作会议上的讲话', '東坡街道2027年工作要點']) {
      expect(isGongwenTitle(t), t).toBe(true);
    }
    for (const t of ['各村委会：', '同志们：', BODY, '一、明确责任', '2027年1月9日', '统一战线']) expect(isGongwenTitle(t), t).toBe(false);
    expect(isTitleShaped('统一战线')).toBe(true);
    expect(isTitleShaped('甲，乙，丙，丁')).toBe(false);
  });

  it('prefers a 公文-shaped line to a banner line above it', () => {
    expect(titleOf(['水利要闻', '柳岸镇2027年河道保洁工作要点', BODY, '一、明确责任', '1.落实河长巡查。每周巡河一次。'])).toBe('柳岸镇2027年河道保洁工作要点');
  });

  it('keeps the banner line above the title verbatim instead of dropping it', () => {
    const { guesses } = importText(['水利要闻', '柳岸镇2027年河道保洁工作要点', '一、明确责任', '1.落实河长巡查。每周巡河一次。']);
    expect(guesses.map((g) => g.verbatim).filter(Boolean)).toEqual(['水利要闻']);
  });

  it('skips a spam line at the top of a copied page', () => {
    expect(titleOf(['欧美日韩在线观看,无码高清不卡,中文字幕免费看', '柳岸镇2027年河道保洁工作要点', BODY, '一、明确责任', '1.落实河长巡查。每周巡河一次。'])).toBe('柳岸镇2027年河道保洁工作要点');
  });

  it('takes a short line that could be a title when no line has a 公文 shape', () => {
    expect(titleOf(['柳岸镇：河道有人管 村庄更干净', BODY, '一、明确责任', '1.落实河长巡查。每周巡河一次。'])).toBe('柳岸镇：河道有人管 村庄更干净');
  });

  it('leaves the title empty, with a comment, when the document opens with a long paragraph', () => {
    const { plan, guesses } = importText([BODY, '（一）落实河长巡查。每周巡河一次。', '（二）建立保洁台账。逐村登记。']);
    expect(plan['title']).toBe('');
    expect(String(plan['guidance'])).toBe(BODY);
    expect(guesses.find((g) => g.path[0] === 'title')?.message).toMatch(/没有标题/);
  });

  it('does not take a salutation or a 主送 line as the title', () => {
    expect(titleOf(['各村委会：', BODY, '一、明确责任', '1.落实河长巡查。每周巡河一次。'])).toBe('');
    const speech = importText(['同志们：', BODY, '谢谢大家！']).plan;
    expect((speech['speech'] as { title: string }).title).toBe('');
  });

  it('joins a long title broken over two lines by hand', () => {
    expect(titleOf(['关于印发《柳岸镇2027年河道保洁', '工作要点》的通知', '各村委会：', BODY, '一、明确责任', '1.落实河长巡查。每周巡河一次。'])).toBe('关于印发《柳岸镇2027年河道保洁工作要点》的通知');
    expect(titleOf(['在全镇河道保洁工作', '推进会上的发言', '同志们：', BODY])).toBe('在全镇河道保洁工作推进会上的发言');
  });

  it('does not join a title with the subtitle under it', () => {
    const { plan } = importText(['柳岸镇2027年河道保洁工作要点', '以河长制为抓手', BODY, '一、明确责任', '1.落实河长巡查。每周巡河一次。']);
    expect(plan['title']).toBe('柳岸镇2027年河道保洁工作要点');
    expect(plan['guidance']).toBe(`以河长制为抓手\n${BODY}`);
  });
});
