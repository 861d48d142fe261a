import { describe, expect, it } from 'vitest';
import { MeasureModel, modelFor, PlanModel, SpeechFileModel } from '../../src/plan/model.js';
import { keysAt } from '../../src/plan/model-keys.js';

const base = { title: '示例', date: '2025-01-10', sections: [{ title: '一部分' }] };

describe('plan model', () => {
  it('accepts a minimal plan and keeps strings verbatim', () => {
    const plan = PlanModel.parse({ ...base, guidance: '  首尾空格保留  \n' });
    expect(plan.guidance).toBe('  首尾空格保留  \n');
  });

  it.each(['2025-06-30', '2025-06', '全年', '长期坚持', '持续推进', '年底前', '上半年', '下半年', '6月底前', '12月底前'])(
    'accepts due %s',
    (due) => {
      expect(MeasureModel.safeParse({ title: '举措', due }).success).toBe(true);
    },
  );

  it.each(['2025-02-30', '2025-13', '2025-00', '13月底前', '0月底前', '年中', '2025/06/30', '2025-6-1'])('rejects due %s', (due) => {
    expect(MeasureModel.safeParse({ title: '举措', due }).success).toBe(false);
  });

  it('accepts 29 February only in leap years', () => {
    expect(PlanModel.safeParse({ ...base, date: '2024-02-29' }).success).toBe(true);
    expect(PlanModel.safeParse({ ...base, date: '2025-02-29' }).success).toBe(false);
  });

  it('rejects unknown keys at every level', () => {
    expect(PlanModel.safeParse({ ...base, titel: 'x' }).success).toBe(false);
    expect(PlanModel.safeParse({ ...base, sections: [{ title: 'a', extra: 1 }] }).success).toBe(false);
    expect(MeasureModel.safeParse({ title: 'a', owner: 'b' }).success).toBe(false);
  });

  it('rejects blank text and an empty section list', () => {
    expect(PlanModel.safeParse({ ...base, title: '  ' }).success).toBe(false);
    expect(PlanModel.safeParse({ ...base, sections: [] }).success).toBe(false);
  });

  it('accepts nested sections, targets, progress, attachments and the speech block', () => {
    const result = PlanModel.safeParse({
      ...base,
      kind: 'opinion',
      sections: [
        {
          title: '一',
          sections: [{ title: '（一）', measures: [{ title: 'm', targets: [{ name: '班', value: 2, unit: '期' }] }] }],
          speechTitle: '发言里的标题',
          measures: [{ title: 'n', speech: '发言里的说法', progress: { status: 'done', result: '完成', values: { 班: 3 } } }],
        },
      ],
      attachments: ['tasks', { title: '附件标题', file: 'a.md' }],
      speech: { meeting: '会议', speaker: '某部', date: '2025-04-01', minutes: 8, style: 'runin', separator: '；' },
    });
    expect(result.success).toBe(true);
  });

  it('rejects an attachment that is neither tasks nor a titled object', () => {
    expect(PlanModel.safeParse({ ...base, attachments: ['table'] }).success).toBe(false);
  });

  it('validates a speech on its own (kind: speech) against its own model', () => {
    const speechFile = {
      kind: 'speech',
      speech: { meeting: '会议', speaker: '某部', date: '2025-09-18', style: 'numbered', separator: '。' },
      sections: [{ title: '一部分', intro: '导语', points: ['要点一', '要点二'] }],
    };
    expect(modelFor(speechFile)).toBe(SpeechFileModel);
    expect(SpeechFileModel.safeParse(speechFile).success).toBe(true);
    // A speech file has no measures, and every section needs points.
    expect(SpeechFileModel.safeParse({ ...speechFile, sections: [{ title: 'x', measures: [] }] }).success).toBe(false);
    expect(SpeechFileModel.safeParse({ ...speechFile, sections: [{ title: 'x', points: [] }] }).success).toBe(false);
    expect(SpeechFileModel.safeParse({ kind: 'speech', sections: speechFile.sections }).success).toBe(false);
    expect(modelFor({ title: 'x' })).toBe(PlanModel);
  });

  it('lists the keys allowed at a path, through arrays and recursion', () => {
    expect(keysAt(PlanModel, [])).toContain('sections');
    expect(keysAt(PlanModel, ['sections', 0])).toEqual(expect.arrayContaining(['title', 'measures', 'sections']));
    expect(keysAt(PlanModel, ['sections', 0, 'sections', 1, 'measures', 0])).toContain('responsible');
    expect(keysAt(PlanModel, ['attachments', 0])).toEqual(['title', 'file']);
  });
});
