/** The recognizer on small documents written for these tests: the shapes the realistic set does not cover. */
import { describe, expect, it } from 'vitest';
import { readChineseDate, readDue } from '../../src/import/import-text.js';
import { readTextLines } from '../../src/import/read-text.js';
import { recognizePlan } from '../../src/import/recognize-plan.js';
import type { SourceDocument } from '../../src/import/source-document.js';

const doc = (text: string): SourceDocument => ({ format: 'txt', blocks: readTextLines(text), removed: [] });
const recognize = (text: string) => recognizePlan(doc(text), { today: '2026-01-01' });

describe('recognizePlan', () => {
  it('splits a plain-text speech without headings or bold at the short first sentences of its paragraphs', () => {
    const { plan, guesses } = recognize(
      [
        '在全县乡村振兴统战工作座谈会上的发言',
        '各位领导，同志们：',
        '今年以来，我们把统战工作融入乡村振兴，做了一些探索。',
        '抓住乡贤这个关键。我们建立乡贤联络站十个，邀请乡贤回村参与规划。',
        '用好商会这个平台。县商会与二十个村结对，帮助销售农产品。',
        '以上发言，请批评指正。',
      ].join('\n'),
    );
    expect(plan['kind']).toBe('speech');
    expect(plan['sections']).toEqual([
      { title: '抓住乡贤这个关键', text: '我们建立乡贤联络站十个，邀请乡贤回村参与规划。' },
      { title: '用好商会这个平台', text: '县商会与二十个村结对，帮助销售农产品。' },
    ]);
    expect((plan['speech'] as Record<string, unknown>)['closing']).toBe('以上发言，请批评指正。');
    expect(guesses.map((g) => g.message).join()).toContain('段首的短句');
  });

  it('says where unit phrasings were mixed and which one the build will use', () => {
    const { plan, guesses } = recognize(
      [
        '2026年工作要点',
        '一、抓好学习',
        '1.组织集中学习。每月一次。（牵头单位：办公室；完成时限：全年）',
        '2.开展专题研讨。每季度一次。（办公室牵头，各科室按职责分工负责）',
        '3.建立学习台账。逐月登记。（牵头单位：组织科；完成时限：上半年）',
      ].join('\n'),
    );
    expect(plan['owners']).toEqual({ show: true });
    expect(guesses.find((g) => g.path[0] === 'owners')?.message).toMatch(/不止一种.*统一为“牵头单位：…”括注/);
  });

  it('reads a joint letterhead, 签发人 and an unparsable 完成时限 left in the text', () => {
    const { plan } = recognize(
      ['甲区委统战部', '甲区民族宗教局　文件', '甲统联〔2026〕3号　签发人：张某', '关于开展某项工作的通知', '一、总体安排', '1.做好准备。尽快部署。（牵头单位：甲区委统战部；完成时限：另行通知）'].join('\n'),
    );
    expect(plan['letterhead']).toEqual(['甲区委统战部', '甲区民族宗教局', '文件']);
    expect(plan['number']).toBe('甲统联〔2026〕3号');
    expect(plan['signers']).toEqual(['张某']);
    expect(plan['title']).toBe('关于开展某项工作的通知');
    const measures = (plan['sections'] as { measures: { text: string }[] }[])[0]!.measures;
    expect(measures[0]!.text).toBe('尽快部署。（牵头单位：甲区委统战部；完成时限：另行通知）');
  });

  it('makes the measures of a document that is only a 分工表 from its rows, its section rows the 部分', () => {
    const cells = (...texts: string[]) => texts.map((text) => ({ text }));
    const table: SourceDocument = {
      format: 'md',
      removed: [],
      blocks: [
        {
          kind: 'table',
          rows: [
            cells('序号', '工作任务', '牵头单位', '完成时限'),
            [{ text: '一、凝聚共识', colSpan: 4 }],
            cells('1', '办好理论研修班', '区委统战部', '上半年'),
            cells('二、服务发展', '', '', ''),
            cells('2', '召开政企恳谈会', '区工商联', '2026年9月底前'),
          ],
        },
      ],
    };
    const { plan, guesses } = recognizePlan(table, { today: '2026-01-01' });
    expect(plan['title']).toBe('');
    expect(guesses.map((g) => g.path[0])).toContain('title');
    expect(plan['sections']).toEqual([
      { title: '凝聚共识', measures: [{ title: '办好理论研修班', lead: '区委统战部', due: '上半年' }] },
      { title: '服务发展', measures: [{ title: '召开政企恳谈会', lead: '区工商联', due: '2026-09' }] },
    ]);
    expect(plan['table']).toEqual({ numbering: 'sections', columns: ['seq', 'task', 'lead', 'due'] });
  });
  it('reads only dates and 时限 the calendar and the format accept', () => {
    expect(readChineseDate('2026年2月28日')).toBe('2026-02-28');
    expect(readChineseDate('2026年2月30日')).toBeUndefined();
    expect(readDue('2026年6月底前')).toBe('2026-06');
    expect(readDue('2026年2月30日前')).toBeUndefined();
    expect(readDue('13月底前')).toBeUndefined();
    expect(readDue('長期堅持')).toBe('長期堅持');
  });
});
