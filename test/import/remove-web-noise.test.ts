/**
 * removeWebNoise: the kinds of lines a saved or pasted web page brings along go, each listed in
 * `removed`; body paragraphs stay, even when they mention 来源, 时间, 下载 or 版权 in a sentence.
 * The noise lines imitate what sites print; none is copied from a real page.
 */
import { describe, expect, it } from 'vitest';
import { isWebNoise, removeWebNoise } from '../../src/import/remove-web-noise.js';
import { readText } from '../../src/import/read-text.js';

const NOISE = [
  '来源：澄湖区融媒体中心',
  '文章来源: 湖滨街道',
  '2026年01月08日 09:12 | 来源：澄湖统战网',
  '2024年03月02日 10:05 | 來源:某某網站',
  '发布:写作小站 时间:2026-01-08 字数:1832字',
  '作者：张三 日期：2026-01-08',
  '浏览次数：1024',
  '阅读量 3.2万',
  '责任编辑：李四',
  '編輯:王五',
  '关键词：统一战线 工作要点',
  '原标题：全区召开统战工作推进会 部署年度重点任务',
  '大约剩余40%的内容被隐藏了',
  '展开全文',
  '阅读全文 查看全文',
  '分享到：',
  '分享到: 微信 微博 QQ空间',
  '首页>新闻中心>统战动态',
  '首頁>黨派·聲音>統一戰線',
  '当前位置：首页 > 工作动态',
  '【字体：大 中 小】',
  '更多',
  '返回顶部',
  '【打印本页】 【关闭窗口】',
  '[大] [中] [小]',
  '上一篇：全区侨务工作会议召开',
  '本站部分资料应要求不提供下载，会员请查看群公告。',
  '会员请点击此处加入交流群。',
  '下载APP，阅读更多精彩内容',
  '扫码关注公众号',
  '版权所有 © 2026 澄湖区融媒体中心',
  'Copyright © 2026 chenghu.example All Rights Reserved',
  '浙ICP备12345678号',
  '主办：澄湖区融媒体中心 | 版权所有：澄湖区融媒体中心',
  '浏览 1024 次',
  '《某区工作要点》由网友分享整理。文章地址：http://www.example.com/news/1.html',
  'https://www.example.com/article/123',
  '欧美日韩在线观看,无码高清不卡,中文字幕免费看',
  '百家乐娱乐城，时时彩开奖，老虎机注册送金',
];

const BODY = [
  '各单位要拓宽意见建议来源渠道，建立民主党派反映社情民意信息的直报机制。',
  '来源广泛、代表性强是协商议事会的基本要求，议事代表要覆盖各个群体。',
  '时间：全年。各镇街要把这项工作纳入年度考核。',
  '时间：2026年3月15日上午9时',
  '作者以亲身经历讲述了回乡创业的故事，引起与会人员共鸣。',
  '统战部要在规定时间内完成信息报送，字数一般不超过一千五百字。',
  '推动政务服务事项网上办理，群众可在区政府网站下载办事指南。',
  '运营好“同心澄湖”微信公众号，全年推送原创稿件一百篇以上。',
  '加强知识产权保护，依法打击侵犯版权等违法行为。',
  '分享基层统战工作经验，组织镇街之间交流互学。',
  '更多的党外人士参与到基层治理中来。',
  '一、坚持首页工作首要位置',
  '（三）发布年度协商计划。',
  '来源：区财政专项资金和社会捐赠，由区委统战部统筹使用；',
  '引导群众下载APP办理业务，推动政务服务掌上办。',
  '建立新阶层人士联络QQ群和微信群，及时发布活动信息。',
  '依法保护版权所有者的合法权益。',
  '位置：湖滨路18号区委党校报告厅',
  '点击率高的作品优先推荐参加全市评选。',
  '【典型案例】湖滨街道“协商议事厅”',
  '组织欧美同学会会员在线观看纪录片并座谈',
];

describe('removeWebNoise', () => {
  it.each(NOISE)('removes the noise line “%s”', (line) => {
    expect(isWebNoise(line)).toBe(true);
  });

  it.each(BODY)('keeps the body paragraph “%s”', (line) => {
    expect(isWebNoise(line)).toBe(false);
  });

  it('removes whole paragraphs, lists them in order, and keeps the body in order', () => {
    const text = ['关于推进社区协商的工作安排', '发布:小编 时间:2026-02-01 字数:900字', BODY[0], '大约剩余30%的内容被隐藏了', BODY[1], '分享到：'].join('\n');
    const doc = removeWebNoise(readText(Buffer.from(text)));
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? [b.text, b.line] : []))).toEqual([
      ['关于推进社区协商的工作安排', 1],
      [BODY[0], 3],
      [BODY[1], 5],
    ]);
    expect(doc.removed).toEqual(['发布:小编 时间:2026-02-01 字数:900字', '大约剩余30%的内容被隐藏了', '分享到：']);
  });

  it('leaves table cells alone', () => {
    const doc = removeWebNoise({ format: 'docx', blocks: [{ kind: 'table', rows: [[{ text: '来源：区财政' }, { text: '展开全文' }]] }], removed: [] });
    expect(doc.blocks).toHaveLength(1);
    expect(doc.removed).toEqual([]);
  });
});
