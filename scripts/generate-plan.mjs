// Writes a large, valid plan for benchmarks and fuzzing: `node scripts/generate-plan.mjs 5000 > big.yaml`.
// The filler prose is assembled from fragments written for this project (fictional 澄湖区), from a
// fixed seed, so the same count always gives the same file.
import { stringify } from 'yaml';

const count = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 20251110);
if (!Number.isInteger(count) || count < 1) {
  process.stderr.write('用法：node scripts/generate-plan.mjs <举措数> [种子]\n');
  process.exit(2);
}

let state = seed >>> 0;
/** mulberry32: small, fast and reproducible. */
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const VERBS = ['深化', '完善', '推进', '拓展', '健全', '优化', '落实', '强化', '规范', '创新'];
const OBJECTS = [
  '党外代表人士队伍建设', '民营经济人士联谊交流', '新的社会阶层人士实践创新基地', '民族团结进步示范创建', '宗教活动场所规范管理',
  '港澳台侨联络服务', '统战信息报送工作', '基层统战工作站点', '网络人士联谊会活动', '知联会专家服务团',
  '同心助企帮扶行动', '民主党派基层组织建设', '政党协商成果转化', '少数民族流动人口服务', '海外联谊资源整合',
];
const WAYS = [
  '以镇街为单元建立工作台账，按季度调度进展', '组织相关部门联合开展专题调研，形成问题清单和措施清单',
  '结合重点项目建设安排走访活动，及时协调解决实际困难', '依托线上平台开展交流学习，扩大工作覆盖面',
  '选树一批可学可鉴的先进典型，在全区范围内推广经验做法', '建立部门协同机制，明确分工和完成节点',
  '邀请统一战线成员参与监督评议，提升工作实效', '把工作成效纳入年度考核，压紧压实工作责任',
];
const UNITS = ['区委统战部', '区民族宗教事务局', '区工商联', '区侨联', '区台办', '区委宣传部', '区委党校', '区政府办公室', '各镇人民政府', '各街道办事处'];
const DUES = ['全年', '年底前', '上半年', '持续推进', '2025-06', '2025-09', '2025-11-30'];
// Words to build varied sentences from, so that measures differ as in a real plan (a plan of
// copies would only measure how fast near-duplicates are found).
const WORDS = (
  '围绕 聚焦 坚持 统筹 深入 持续 全面 着力 健全 完善 建立 推动 加快 提升 强化 优化 规范 拓展 创新 落实 ' +
  '政治引领 思想共识 团结合作 协商民主 建言献策 凝心聚力 服务大局 基层基础 队伍建设 阵地建设 制度机制 工作格局 ' +
  '党外干部 民主党派 无党派人士 知识分子 民营企业 商会组织 青年企业家 新媒体从业人员 律师行业 社会组织 ' +
  '民族团结 宗教事务 港澳同胞 台湾同胞 海外侨胞 归侨侨眷 留学人员 流动人口 城市社区 乡村振兴 产业园区 ' +
  '调研走访 座谈交流 培训轮训 实践锻炼 挂职交流 结对帮扶 志愿服务 典型培树 宣传报道 信息报送 考核评价 ' +
  '问题清单 责任清单 任务台账 联络机制 会商制度 督查通报 经验总结 示范创建 品牌打造 资源整合 数字赋能 ' +
  '湖滨街道 临港镇 青石镇 云溪街道 南湾社区 北岸片区 科创走廊 老城片区 滨湖新城 高新园区'
).split(' ');
const NAMES = ['开展专题活动', '走访联系对象', '举办培训班', '解决实际问题', '建成示范点位', '报送信息稿件'];
const QUANTITIES = ['场', '人次', '期', '件', '个', '篇'];

function sentence() {
  const n = 4 + Math.floor(random() * 5);
  return Array.from({ length: n }, () => pick(WORDS)).join('');
}

const perSection = 10;
const sections = [];
for (let s = 0; s * perSection < count; s++) {
  const measures = [];
  for (let m = 0; m < perSection && s * perSection + m < count; m++) {
    const n = s * perSection + m + 1;
    const target = { name: `${pick(NAMES)}${n}`, value: 1 + Math.floor(random() * 200), unit: pick(QUANTITIES) };
    measures.push({
      title: `${pick(VERBS)}${pick(OBJECTS)}第${n}项`,
      text: `${sentence()}，${pick(WAYS)}。${sentence()}，${sentence()}。`,
      lead: pick(UNITS),
      responsible: [pick(UNITS), pick(UNITS)].filter((u, i, all) => all.indexOf(u) === i),
      due: pick(DUES),
      targets: [target],
      progress: { status: 'ongoing', values: { [target.name]: Math.floor(target.value / 2) } },
    });
  }
  sections.push({ title: `${pick(VERBS)}第${s + 1}方面工作，服务全区发展大局`, measures });
}

const plan = {
  kind: 'opinion',
  title: `2025年全区统一战线工作安排意见（${count}项举措）`,
  issuer: '中共澄湖区委统战部',
  date: '2025-01-10',
  recipients: ['各镇党委', '各街道党工委'],
  guidance: '全区统一战线工作围绕中心、服务大局，把大团结大联合贯穿各项工作始终。',
  sections,
  conclusion: '各单位要对照本意见细化分工、压实责任，确保各项任务按期完成。',
  signature: '中共澄湖区委统战部',
};
process.stdout.write(`# 由 scripts/generate-plan.mjs 生成（${count} 项举措，种子 ${seed}），用于性能测试和模糊测试。\n${stringify(plan, { lineWidth: 0 })}`);
