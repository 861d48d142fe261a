/**
 * The documentation stays in the shape readers need: a README a newcomer reads in minutes, links
 * that lead somewhere, no counts of tests that are stale the day after, and a plan-format page that
 * names every key the model accepts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const README = path.join(ROOT, 'README.md');
const README_LIMIT = 12 * 1024;

/** README.md and every Markdown file under docs/, as paths relative to the repository. */
function documentationFiles(): string[] {
  const found: string[] = ['README.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.md')) found.push(rel);
    }
  };
  walk('docs');
  return found;
}

/** Markdown without fenced blocks and inline code: what is left is where links and prose live. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Targets of [text](target) and ![alt](target) links. */
function linkTargets(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}

/** GitHub's anchors for the headings of a Markdown file (github-slugger: lower case, punctuation dropped, spaces to hyphens, repeats numbered). */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of withoutFences.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, (c) => (c === '_' ? '_' : ''));
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Problems with one link from `file`: a missing file, or an anchor its target has no heading for. */
function checkLink(file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto:
  const [rawPath, rawAnchor] = target.split('#', 2) as [string, string | undefined];
  const resolved = rawPath === '' ? path.join(ROOT, file) : path.join(ROOT, path.dirname(file), decodeURI(rawPath));
  if (!resolved.startsWith(ROOT)) return `${file}：链接“${target}”指到了仓库之外`;
  let isFile: boolean;
  try {
    isFile = statSync(resolved).isFile();
  } catch {
    return `${file}：链接“${target}”所指的文件不存在`;
  }
  if (rawAnchor === undefined || !isFile || !resolved.endsWith('.md')) return undefined;
  const anchor = decodeURIComponent(rawAnchor);
  return headingAnchors(readFileSync(resolved, 'utf8')).has(anchor) ? undefined : `${file}：链接“${target}”的目标里没有标题“#${anchor}”`;
}

/**
 * A line that counts tests, test files or passes ("706 tests", "72 个测试文件", "共 700 项测试", "600 passed"):
 * such figures drift with every commit, so the docs send readers to `npm test` and `npm run bench` instead.
 */
const TEST_COUNT = /\d[\d,]*\s*(?:个|项)?\s*(?:测试|用例|tests?\b|test files?\b|passed\b|specs?\b)|(?:测试|用例)\s*(?:共|有)?\s*\d/i;

describe('the documentation', () => {
  const files = documentationFiles();

  it('has a README a newcomer reads in five minutes: at most 12 KB', () => {
    const size = statSync(README).size;
    expect(size, `README.md 有 ${size} 字节，上限 ${README_LIMIT}：把细节移到 docs/`).toBeLessThanOrEqual(README_LIMIT);
  });

  it('links only to files (and headings) that exist, from README.md and every page under docs/', () => {
    expect(files).toContain('docs/plan-format.md');
    expect(files).toContain('docs/cli.md');
    const problems: string[] = [];
    let links = 0;
    for (const file of files) {
      for (const target of linkTargets(readFileSync(path.join(ROOT, file), 'utf8'))) {
        links += 1;
        const problem = checkLink(file, target);
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
    expect(links).toBeGreaterThan(20);
  });

  it('finds a broken link and a missing heading when there is one', () => {
    expect(checkLink('docs/guide/README.md', 'no-such-page.md')).toMatch(/不存在/);
    expect(checkLink('docs/guide/README.md', '../plan-format.md#没有这个标题')).toMatch(/没有标题/);
    expect(checkLink('docs/guide/README.md', '../plan-format.md#版头')).toBeUndefined();
    expect(checkLink('README.md', 'https://example.com/x')).toBeUndefined();
    expect([...headingAnchors('## 仓库配置 `workplan.config.yaml`\n## 红头、发文字号和版记\n## A\n## A\n')]).toEqual([
      '仓库配置-workplanconfigyaml',
      '红头发文字号和版记',
      'a',
      'a-1',
    ]);
  });

  it('states no test counts (they drift; `npm test` prints them)', () => {
    for (const line of ['npm test 约 2.5 分钟（73 个测试文件，711 项）', '72 files, 706 tests', 'Tests  3 passed', '共有 600 个测试']) {
      expect(TEST_COUNT.test(line), line).toBe(true);
    }
    for (const line of ['✔ 已检查 1 个文件，没有发现问题', '测试的个数和用时不写进文档', '`test/fixtures/build/v2-notice/`', '每页 22 行，每行 28 字']) {
      expect(TEST_COUNT.test(line), line).toBe(false);
    }
    const found = files.flatMap((file) =>
      readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
        .filter(({ line }) => TEST_COUNT.test(line)),
    );
    expect(found).toEqual([]);
  });

  it('names in docs/plan-format.md every key the plan schema accepts', () => {
    const schema: unknown = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'plan.schema.json'), 'utf8'));
    const keys = new Set<string>();
    const visit = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node !== null && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'properties' && v !== null && typeof v === 'object') for (const key of Object.keys(v)) keys.add(key);
          visit(v);
        }
      }
    };
    visit(schema);
    expect(keys.size).toBeGreaterThan(50);
    const format = readFileSync(path.join(ROOT, 'docs', 'plan-format.md'), 'utf8');
    expect([...keys].filter((key) => !format.includes(`\`${key}\``)).sort()).toEqual([]);
  });
});
