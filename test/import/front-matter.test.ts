/** Front matter in the order pages print it, and 主送 only from a line that is one. */
import { describe, expect, it } from 'vitest';
import { readTextLines } from '../../src/import/read-text.js';
import { recognizePlan } from '../../src/import/recognize-plan.js';
import type { SourceDocument } from '../../src/import/source-document.js';

const importText = (lines: string[], kind?: 'opinion') => {
  const doc: SourceDocument = { format: 'txt', blocks: readTextLines(lines.join('\n')), removed: [] };
  return recognizePlan(doc, { today: '2031-05-05', ...(kind ? { kind } : {}) });
};
const BODY = ['一、明确责任', '1.落实河长巡查。每周巡河一次。'];

describe('front matter', () => {
  it('reads the 发文字号 under the title, as a web page prints it', () => {
    const { plan } = importText(['关于做好汛期值班工作的通知', '柳政办〔2027〕12号', '各村委会，镇属各单位：', ...BODY]);
    expect(plan['title']).toBe('关于做好汛期值班工作的通知');
    expect(plan['number']).toBe('柳政办〔2027〕12号');
    expect(plan['recipients']).toEqual(['各村委会', '镇属各单位']);
    expect(plan['guidance']).toBeUndefined();
  });

  it('reads the 发文字号 above the title, as Word lays it out', () => {
    const { plan } = importText(['柳政办〔2027〕12号', '关于做好汛期值班工作的通知', ...BODY]);
    expect([plan['number'], plan['title']]).toEqual(['柳政办〔2027〕12号', '关于做好汛期值班工作的通知']);
  });

  it('does not split a sentence that ends in a colon into 主送', () => {
    const opening = '根据镇党委安排，结合今年汛期特点，经研究，现将有关事项通知如下：';
    const { plan } = importText(['关于做好汛期值班工作的通知', opening, ...BODY]);
    expect(plan['recipients']).toBeUndefined();
    expect(plan['guidance']).toBe(opening);
  });

  it('reads 、-separated units as 主送', () => {
    const { plan } = importText(['关于做好汛期值班工作的通知', '各村委会、镇属各单位：', ...BODY]);
    expect(plan['recipients']).toEqual(['各村委会', '镇属各单位']);
  });

  it('never takes a salutation for 主送', () => {
    const { plan } = importText(['2027年河道保洁工作安排意见', '同志们：', ...BODY], 'opinion');
    expect(plan['recipients']).toBeUndefined();
    expect(plan['guidance']).toBe('同志们：');
  });

  it('reads a 成文日期 printed under the title, in brackets or bare', () => {
    expect(importText(['柳岸镇2027年河道保洁工作要点', '（2027年1月9日镇党委会议通过）', ...BODY]).plan['date']).toBeUndefined();
    expect(importText(['柳岸镇2027年河道保洁工作要点', '（2027年1月9日）', ...BODY]).plan['date']).toBe('2027-01-09');
    const { plan } = importText(['柳岸镇2027年河道保洁工作要点', '2027年1月9日', ...BODY]);
    expect([plan['date'], plan['guidance']]).toEqual(['2027-01-09', undefined]);
  });

  it('reads a 发文字号 under an organ’s name that plain text cannot show as a 红头, and keeps the name', () => {
    const { plan, guesses } = importText(['中共柳岸镇委员会', '柳委发〔2027〕3号', '关于做好汛期值班工作的通知', ...BODY]);
    expect([plan['number'], plan['title']]).toEqual(['柳委发〔2027〕3号', '关于做好汛期值班工作的通知']);
    expect(guesses.map((g) => g.verbatim).filter(Boolean)).toEqual(['中共柳岸镇委员会']);
  });

  it('reads a 印发通知 whose 署名 and 成文日期 a web page printed once, after the plan', () => {
    const { plan } = importText([
      '关于印发《柳岸镇2027年河道保洁工作要点》的通知',
      '各村委会：',
      '现将《柳岸镇2027年河道保洁工作要点》印发给你们，请认真贯彻落实。',
      '柳岸镇2027年河道保洁工作要点',
      ...BODY,
      '柳岸镇人民政府',
      '2027年2月3日',
    ]);
    expect([plan['title'], plan['issuer'], plan['date']]).toEqual(['柳岸镇2027年河道保洁工作要点', '柳岸镇人民政府', '2027-02-03']);
    expect(plan['notice']).toEqual({ text: '现将《柳岸镇2027年河道保洁工作要点》印发给你们，请认真贯彻落实。' });
    expect(plan['conclusion']).toBeUndefined();
  });
});
