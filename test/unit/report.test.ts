import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostic.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { formatJson } from '../../src/report/json.js';
import { formatStylish } from '../../src/report/stylish.js';

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  ruleId: 'schema-type',
  severity: 'error',
  message: '消息',
  file: 'plans/a.yaml',
  line: 3,
  column: 5,
  path: 'title',
  ...over,
});

describe('formatters', () => {
  it('escapes GitHub workflow commands as the Actions toolkit does', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const out = formatGithub([d({ file: 'dir,x/a:b.yaml', message: '第一行\n第二行 100%', severity: 'warning' })]);
    expect(out).toBe('::warning file=dir%2Cx/a%3Ab.yaml,line=3,col=5,title=schema-type::第一行%0A第二行 100%25\n');
  });

  it('stylish shows control characters quoted from a plan as code points, never raw', () => {
    const out = formatStylish([d({ file: 'plans/\u001b[2Ja.yaml', message: '单位“区委\u001b[31m统战部\r”' })], { color: false, fileCount: 1 });
    expect(out).not.toMatch(/[\u001b\r]/);
    expect(out).toContain('单位“区委⟨U+001B⟩[31m统战部⟨U+000D⟩”');
    expect(out).toContain('plans/⟨U+001B⟩[2Ja.yaml:3:5');
  });

  it('produces JSON that parses back to the same diagnostics', () => {
    const list = [d({ line: 9 }), d({ line: 2, file: 'plans/0.yaml' })];
    expect(JSON.parse(formatJson(list))).toEqual([list[1], list[0]]);
  });

  it('groups by file and summarises in Chinese, without colour when asked', () => {
    const out = formatStylish([d({}), d({ severity: 'warning', line: 1 }), d({ file: 'plans/b.yaml' })], { color: false, fileCount: 2 });
    expect(out).not.toMatch(/\x1b\[/);
    expect(out.split('\n')[0]).toBe('plans/a.yaml');
    expect(out).toContain('  plans/a.yaml:1:5  警告  消息  schema-type');
    expect(out).toContain('2 个错误，1 个警告');
  });

  it('colours on request', () => {
    expect(formatStylish([d({})], { color: true, fileCount: 1 })).toMatch(/\x1b\[/);
  });
});
