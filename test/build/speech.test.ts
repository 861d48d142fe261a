import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import type { PlanFile } from '../../src/plan/model.js';
import { documentText, renderDocument } from '../../src/pipeline/render-document.js';
import { BUILTIN_TEMPLATES, loadTemplateSet, type TemplateSet } from '../../src/render/render-template.js';
import { composeSpeech, enumeratePoints, speechPlainText, spokenText } from '../../src/speech/compose-speech.js';
import { countHan } from '../../src/text/width.js';
import { ROOT, runCli } from '../helpers.js';

const load = (name: string) => parsePlan(name, readFileSync(path.join(ROOT, 'plans', name))).loaded!.plan;

describe('speech composition', () => {
  let templates: TemplateSet;
  beforeAll(async () => {
    templates = await loadTemplateSet([BUILTIN_TEMPLATES]);
  });

  it('enumerates points 一是…；二是…。 with house-style punctuation, and a single point plainly', () => {
    expect(enumeratePoints(['甲', '乙', '丙'], '；')).toBe('一是甲；二是乙；三是丙。');
    expect(enumeratePoints(['甲', '乙'], '。')).toBe('一是甲。二是乙。');
    expect(enumeratePoints(['甲'], '；')).toBe('甲。');
  });

  it('defaults the title, salutation, closing and the opening’s last words', () => {
    const content = composeSpeech(load('2025-工作安排意见.yaml'))!;
    expect(content.title).toBe('在全市统战工作会议暨基层统战工作规范化建设推进会上的汇报发言');
    expect(content.salutation).toEqual(['尊敬的各位领导，同志们：']);
    expect(content.closing).toBe('汇报完毕，谢谢大家！');
    expect(content.opening.at(-1)).toMatch(/。现将有关工作情况汇报如下：$/);
    // Five sections have progress to report; the fifth goal section has none and is left out.
    expect(content.sections.map((s) => s.heading)).toHaveLength(5);
  });

  it('takes figures from progress.values, with the target unit, each name said once', () => {
    const content = composeSpeech(load('2025-工作安排意见.yaml'))!;
    // 培训党外代表人士 after 举办党外代表人士理论研修班: the object is not said twice.
    expect(content.sections[0]!.points[0]).toBe(
      '把理论学习作为凝心铸魂的第一课，举办党外代表人士理论研修班3期，培训186人次，参训人员普遍反映政治站位和履职本领有了新提升',
    );
  });

  it('puts a verb before a rate and says a repeated name once (the example of issue 16)', () => {
    const content = composeSpeech(load('2025-工作安排意见.yaml'))!;
    expect(content.sections[2]!.points[0]).toBe(
      '搭建“政企面对面”沟通平台，召开政企恳谈会3场，收集企业诉求112件，办结率达96%，企业对政务服务的满意度明显提升',
    );
  });

  it('opens every generated section with a framing sentence that counts its points, worded in turn', () => {
    const content = composeSpeech(load('2025-工作安排意见.yaml'))!;
    expect(content.sections.map((s) => s.intro)).toEqual([
      '围绕坚持思想引领，重点抓了两个方面：',
      '围绕发挥多党合作优势，着力做好两个方面的工作：',
      '围绕服务民营经济高质量发展，主要在两个方面下功夫：',
      '围绕凝聚新的社会阶层人士力量，重点抓了两个方面：',
      '围绕夯实基层基础，着力做好以下工作：',
    ]);
  });

  for (const file of ['2025-工作安排意见.yaml', '2025-新阶层工作交流发言.yaml']) {
    for (const style of ['runin', 'numbered'] as const) {
      it(`check's count equals build's count (${file}, ${style})`, () => {
        const plan = load(file);
        const restyled = { ...plan, speech: { ...plan.speech!, style } } as PlanFile;
        const content = composeSpeech(restyled)!;
        const blocks = renderDocument(restyled, 'speech', templates, { owners: false }).blocks;
        expect(countHan(speechPlainText(content))).toBe(countHan(documentText(blocks)));
        // What is read aloud: everything but the title and the speaker and date under it.
        const spoken = countHan(spokenText(content));
        expect(spoken).toBe(countHan(documentText(blocks.filter((b) => b.type !== 'title' && b.type !== 'byline'))));
        expect(spoken).toBe(countHan(speechPlainText(content)) - countHan([content.title, content.speaker ?? '', content.date ?? ''].join('')));
      });
    }
  }
});

describe('speech on the command line', () => {
  it('build names the speech of a plan <plan>-汇报发言 and a speech file by its own name', () => {
    const a = runCli(['build', 'plans/2025-工作安排意见.yaml', '--doc', 'speech', '--to', 'md', '-o', '-']);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/^# 在全市统战工作会议/);
    const b = runCli(['build', 'plans/2025-新阶层工作交流发言.yaml', '--to', 'md', '-o', '-']);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toContain('## 一、摸清底数');
    expect(b.stdout).toContain('一是分类建库。');
  });

  it('a speech file cannot be built as an opinion; a plan without speech cannot give one', () => {
    const r = runCli(['build', 'plans/2025-新阶层工作交流发言.yaml', '--doc', 'opinion', '--to', 'md', '-o', '-']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/2025-新阶层工作交流发言\.yaml:3:7  错误  这是独立的汇报发言文件.*document-kind/);
    const s = runCli(['build', 'test/fixtures/build/basic/plan.yaml', '--doc', 'speech', '--to', 'md', '-o', '-']);
    expect(s.status).toBe(1);
    expect(s.stdout).toMatch(/plan\.yaml:1:1  错误  计划没有 speech 块.*speech-missing/);
  });

  it('check warns speech-too-long with the estimate, and --max-warnings 0 makes it fail', () => {
    const file = 'test/fixtures/check/speech-too-long/plan.yaml';
    const r = runCli(['check', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/plan\.yaml:6:12  警告  汇报发言约 \d+ 字，按每分钟 220 字需约 [\d.]+ 分钟，超过限时 0\.2 分钟.*speech-too-long/);
    expect(runCli(['check', '--max-warnings', '0', file]).status).toBe(1);
  });

  it('workplan.config.yaml sets the reading pace and the rule severity', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wp-speech-config-'));
    cpSync(path.join(ROOT, 'test/fixtures/check/speech-too-long/plan.yaml'), path.join(dir, 'plan.yaml'));
    const config = (text: string) => writeFileSync(path.join(dir, 'workplan.config.yaml'), text);
    config('rules:\n  speech-too-long: error\n');
    expect(runCli(['check', 'plan.yaml'], { cwd: dir }).stdout).toMatch(/6:12  错误  .*speech-too-long/);
    config('rules:\n  speech-too-long: off\n');
    expect(runCli(['check', 'plan.yaml'], { cwd: dir }).stdout).toContain('没有发现问题');
    // At 500 characters a minute the ~95 characters fit in 0.2 minutes, and fill more than half of them.
    config('speech:\n  pace: 500\n');
    expect(runCli(['check', 'plan.yaml'], { cwd: dir }).stdout).toContain('没有发现问题');
  });
});
