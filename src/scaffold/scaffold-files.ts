/**
 * The files `workplan init` writes: a plan repository that checks and builds on its first commit.
 * The starter plan is a short, complete example (fictional 澄湖区) meant to be edited, so that
 * check passes from the start; every unit it names is in the registry.
 */
import { renderPlanJsonSchema } from '../plan/json-schema.js';

export interface ScaffoldOptions {
  year: number;
  /** The npm spec the pipelines install workplan from (recorded as `tool` in the configuration). */
  tool: string;
  /** Plan shards the pipelines split the repository into (a matrix); 1 runs one job. */
  shards?: number;
  /** The templates guide shipped with workplan, copied into templates/README.md. */
  templatesGuide: string;
}

/**
 * The year a new plan is for: this year, but from November on the next one, since offices draft
 * the coming year's 工作安排意见 at the end of the year.
 */
export function defaultPlanYear(now: Date): number {
  return now.getMonth() >= 10 ? now.getFullYear() + 1 : now.getFullYear();
}

function starterPlan(year: number): string {
  return `# yaml-language-server: $schema=../schemas/plan.schema.json
# 这是 workplan init 生成的示例计划（澄湖区为虚构地区）。请改成本单位的内容。
# 检查：npx workplan check      生成：npx workplan build plans/
title: ${year}年全区统一战线工作要点
issuer: 中共澄湖区委统战部
date: ${year}-01-10
recipients: [各镇党委, 各街道党工委]
guidance: |
  ${year}年，全区统一战线工作以服务中心大局为着力点，巩固和发展最广泛的爱国统一战线，为全区经济社会发展凝聚人心、汇聚力量。
sections:
  - title: 加强思想政治引领
    measures:
      - title: 办好党外代表人士理论研修班
        text: 围绕党的创新理论和中心工作安排专题课程，组织学员开展研讨交流。
        lead: 区委统战部
        responsible: [区委党校]
        due: ${year}-06
        targets:
          - { name: 举办理论研修班, value: 2, unit: 期 }
  - title: 服务民营经济发展
    measures:
      - title: 开展政企恳谈活动
        text: 每季度组织一次政企恳谈，收集企业诉求并跟踪办理。
        lead: 区工商联
        responsible: [区委统战部]
        due: 全年
        targets:
          - { name: 召开政企恳谈会, value: 4, unit: 场 }
conclusion: |
  各单位要结合实际细化措施、明确责任，确保各项任务落到实处。
signature: 中共澄湖区委统战部
speech:
  meeting: 全市统战工作会议
  speaker: 中共澄湖区委统战部
  date: ${year}-07-15
  minutes: 8
`;
}

function config(tool: string): string {
  return `# workplan 仓库配置。完整说明见 workplan 的 README。

# 流水线（.github/workflows/workplan.yml、.gitlab-ci.yml）安装 workplan 所用的 npm 包说明：
# 版本（workplan@0.1.0）、tarball 路径或 git 地址。改动后请用 workplan init --force 重新生成流水线，或同样修改流水线。
tool: ${JSON.stringify(tool)}

# 单位名录：check 报告名录外的单位（unit-unknown）并提示最接近的名称；输出时别名换成规范名称。
units:
  - name: 中共澄湖区委统战部
  - name: 区委统战部
    aliases: [统战部]
  - name: 区委党校
  - name: 区工商联
    aliases: [工商联]
  - name: 各镇党委
  - name: 各街道党工委

# 汇报发言的朗读速度（字/分钟）
speech:
  pace: 220

# 规则级别：off | warning | error
rules:
  measure-owner: warning
`;
}

/** A word the shell passes through unchanged, quoted only when it has to be (a path with spaces). */
export function quoteShellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A YAML scalar for one command line: plain when YAML would read it back unchanged, else double-quoted. */
function yamlLine(line: string): string {
  const plain = !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(line) && !/(: |\s#|\s$|:$|["\\\t\n])/.test(line);
  return plain ? line : JSON.stringify(line);
}

/** The command that runs workplan installed from `tool`: npx keeps it in npm's cache, not globally. */
function workplanCommand(tool: string, args: string): string {
  return `npx --yes --package=${quoteShellWord(tool)} workplan ${args}`;
}

function githubWorkflow(tool: string, shards: number): string {
  const shard = shards > 1 ? ` --shard \${{ matrix.shard }}/${shards}` : '';
  const matrix =
    shards > 1
      ? `    # 计划按路径的散列分成 ${shards} 片，各片并行检查和生成，每个文件恰好在一片中。
    strategy:
      fail-fast: false
      matrix:
        shard: [${Array.from({ length: shards }, (_, i) => i + 1).join(', ')}]
`
      : '';
  return `# 每次推送和拉取请求：检查计划（问题直接标注在拉取请求里），再生成文稿并上传为构件。
# workplan 按 workplan.config.yaml 的 tool 安装：${tool}
name: workplan
on:
  push:
  pull_request:
jobs:
  plans:
    runs-on: ubuntu-latest
${matrix}    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: 检查计划
        run: ${yamlLine(workplanCommand(tool, `check --format github${shard}`))}
      - name: 生成文稿
        run: ${yamlLine(workplanCommand(tool, `build plans/ --to docx,md -o out/${shard}`))}
      - uses: actions/upload-artifact@v4
        with:
          name: ${shards > 1 ? '文稿-\${{ matrix.shard }}' : '文稿'}
          path: out/
${shards > 1 ? '          if-no-files-found: ignore\n' : ''}`;
}

function gitlabCi(tool: string, shards: number): string {
  // GitLab numbers parallel jobs from 1 and tells each its index and the total.
  const shard = shards > 1 ? ' --shard $CI_NODE_INDEX/$CI_NODE_TOTAL' : '';
  return `# 与 .github/workflows/workplan.yml 相同：检查计划，生成文稿并保存为构件。
# workplan 按 workplan.config.yaml 的 tool 安装：${tool}
workplan:
  image: node:20
${shards > 1 ? `  parallel: ${shards}\n` : ''}  script:
    - ${yamlLine(workplanCommand(tool, `check${shard}`))}
    - ${yamlLine(workplanCommand(tool, `build plans/ --to docx,md -o out/${shard}`))}
  artifacts:
    paths:
      - out/
`;
}

const GITIGNORE = `# workplan 生成的文稿
out/
node_modules/
`;

/** Relative path → content, in the order they are written and listed. */
export function scaffoldFiles(options: ScaffoldOptions): [string, string][] {
  return [
    [`plans/${options.year}-工作安排意见.yaml`, starterPlan(options.year)],
    ['schemas/plan.schema.json', renderPlanJsonSchema()],
    ['workplan.config.yaml', config(options.tool)],
    ['templates/README.md', options.templatesGuide],
    ['.github/workflows/workplan.yml', githubWorkflow(options.tool, options.shards ?? 1)],
    ['.gitlab-ci.yml', gitlabCi(options.tool, options.shards ?? 1)],
    ['.gitignore', GITIGNORE],
  ];
}
