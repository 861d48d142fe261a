/** Every system error and every YAML library code reaches the user as a Chinese sentence. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FS_REASONS, describeFsError, explainFsError } from '../../src/system/fs-errors.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { yamlMessage } from '../../src/plan/yaml-messages.js';
import { ROOT } from '../helpers.js';

const HAN = /\p{Script=Han}/u;
const fabricate = (code: string) => Object.assign(new Error('x'), { code });

describe('system errors in Chinese', () => {
  const codes = ['ENOENT', 'EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EEXIST', 'EISDIR', 'ENOTDIR', 'ENAMETOOLONG', 'EMFILE', 'ENFILE', 'EBUSY', 'ELOOP', 'EIO'];

  it('has a sentence for every code the brief names, and for every code in the table', () => {
    expect(Object.keys(FS_REASONS)).toEqual(expect.arrayContaining(codes));
    for (const code of Object.keys(FS_REASONS)) {
      for (const operation of ['read', 'write'] as const) {
        const message = describeFsError(fabricate(code), operation, 'plans/2026-工作安排意见.yaml');
        expect(message, code).toMatch(HAN);
        expect(message, code).not.toContain(code);
        expect(message, code).toContain('“plans/2026-工作安排意见.yaml”');
        expect(message.startsWith(operation === 'read' ? '无法读取' : '无法写入'), code).toBe(true);
      }
    }
  });

  it('says read or write as the operation was', () => {
    expect(explainFsError(fabricate('EACCES'), 'read')).toBe('没有读取权限');
    expect(explainFsError(fabricate('EACCES'), 'write')).toBe('没有写入权限');
    expect(explainFsError(fabricate('EPERM'), 'write')).toContain('没有写入权限');
    expect(explainFsError(fabricate('ENOENT'), 'read')).toContain('不存在');
    expect(explainFsError(fabricate('ENOENT'), 'write')).toContain('所在目录不存在');
    expect(explainFsError(fabricate('ENOSPC'), 'write')).toBe('磁盘空间已满');
    expect(explainFsError(fabricate('EROFS'), 'write')).toContain('只读文件系统');
  });

  it('names an unknown code in parentheses, in a Chinese sentence', () => {
    expect(describeFsError(fabricate('EWHATEVER'), 'write', 'out/a.docx')).toBe('无法写入“out/a.docx”：写入时发生系统错误（EWHATEVER）');
    expect(describeFsError(new Error('坏了'), 'read', 'a.yaml')).toBe('无法读取“a.yaml”：读取时发生意外错误（坏了）');
  });
});

describe('YAML library codes in Chinese', () => {
  // Read from the library itself, so a code added by an upgrade is caught here too.
  const declared = readFileSync(path.join(ROOT, 'node_modules', 'yaml', 'dist', 'errors.d.ts'), 'utf8');
  const union = /export type ErrorCode = ([^;]+);/.exec(declared)?.[1] ?? '';
  const codes = [...union.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]!);

  it('finds the list of codes', () => {
    expect(codes).toContain('RESOURCE_EXHAUSTION');
    expect(codes.length).toBeGreaterThan(20);
  });

  it('words every code without showing it', () => {
    for (const code of codes) {
      const message = yamlMessage(code);
      expect(message, code).toMatch(HAN);
      expect(message, code).not.toContain(code);
    }
  });

  it('explains nesting too deep for the parser instead of naming RESOURCE_EXHAUSTION', () => {
    const deep = `title: ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    const { diagnostics } = parsePlan('deep.yaml', new TextEncoder().encode(deep));
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d.message).toContain('嵌套层数太多');
      expect(d.message).not.toContain('RESOURCE_EXHAUSTION');
    }
  });
});
