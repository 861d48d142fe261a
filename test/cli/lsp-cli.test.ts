/**
 * `workplan lsp` driven as an editor drives it: the built binary over stdio, spoken to by
 * vscode-jsonrpc (the library VS Code's own client is made of). What it underlines must be what
 * `check --format json` prints for the same text, and its fixes what `check --fix` writes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { BIN, ROOT, runCli } from '../helpers.js';

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  message: string;
}
interface TextEdit {
  range: LspDiagnostic['range'];
  newText: string;
}

const CONFIG = `units:
  - name: 区委统战部
    aliases: [统战部]
  - name: 区工商联
  - name: 区民族宗教事务局
    aliases: [区民宗局]
`;

// Original text: a half-width comma in Chinese (fixable), a unit outside the registry, an alias.
const PLAN = `title: 2026年统一战线工作要点
date: 2026-01-12
sections:
  - title: 强化思想引领
    measures:
      - title: 办好党外干部读书班,突出学用结合
        lead: 统战部
        responsible:
          - 区工商联
      - title: 开展同心实践活动
        lead: 区文旅局
`;

let work: string;
let server: ChildProcess;
let rpc: MessageConnection;
const published = new Map<string, LspDiagnostic[][]>();
const waiters: (() => void)[] = [];

function nextDiagnostics(uri: string, count: number): Promise<LspDiagnostic[]> {
  return new Promise((resolve) => {
    // Every notification wakes every waiter; one that is not yet satisfied waits for the next.
    const look = (): void => {
      const list = published.get(uri) ?? [];
      if (list.length >= count) resolve(list[count - 1]!);
      else waiters.push(look);
    };
    look();
  });
}

/** check --format json on a file holding the same text, in the terms an editor shows. */
function checkJson(file: string): { code: string; severity: number; message: string; line: number; character: number }[] {
  const result = runCli(['check', '--format', 'json', file], { cwd: work });
  const list = JSON.parse(result.stdout) as { ruleId: string; severity: string; message: string; line: number; column: number; file: string }[];
  return list
    .filter((d) => path.resolve(work, d.file) === file)
    .map((d) => ({ code: d.ruleId, severity: d.severity === 'error' ? 1 : 2, message: d.message, line: d.line - 1, character: d.column - 1 }));
}

const shape = (list: LspDiagnostic[]) =>
  list.map((d) => ({ code: d.code, severity: d.severity, message: d.message, line: d.range.start.line, character: d.range.start.character }));
const byPlace = <T extends { line: number; character: number; code: string }>(list: T[]) =>
  [...list].sort((a, b) => a.line - b.line || a.character - b.character || (a.code < b.code ? -1 : 1));

function applyEdits(text: string, edits: TextEdit[]): string {
  const offset = (p: { line: number; character: number }) => {
    let at = 0;
    for (let i = 0; i < p.line; i++) at = text.indexOf('\n', at) + 1;
    return at + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'wp-lsp-'));
  writeFileSync(path.join(work, 'workplan.config.yaml'), CONFIG);
  writeFileSync(path.join(work, 'plan.yaml'), PLAN);
  copyFileSync(path.join(ROOT, 'plans', '2025-工作安排意见.yaml'), path.join(work, '2025-工作安排意见.yaml'));
  copyFileSync(path.join(ROOT, 'plans', '2025-汇报发言.yaml'), path.join(work, '2025-汇报发言.yaml'));
  server = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: work, stdio: ['pipe', 'pipe', 'inherit'] });
  rpc = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  rpc.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: LspDiagnostic[] }) => {
    published.set(params.uri, [...(published.get(params.uri) ?? []), params.diagnostics]);
    for (const w of waiters.splice(0)) w();
  });
  rpc.listen();
  const init = (await rpc.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(work).href, capabilities: {} })) as {
    capabilities: Record<string, unknown>;
    serverInfo: { name: string };
  };
  expect(init.serverInfo.name).toBe('workplan');
  expect(init.capabilities.hoverProvider).toBe(true);
  await rpc.sendNotification('initialized', {});
}, 30_000);

afterAll(async () => {
  await rpc?.sendRequest('shutdown');
  const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
  await rpc?.sendNotification('exit');
  expect(await exited).toBe(0);
  rpc?.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe('workplan lsp', () => {
  const file = () => path.join(work, 'plan.yaml');
  const uri = () => pathToFileURL(file()).href;

  it('underlines on open and after an edit exactly what check --format json reports for the same text', async () => {
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'yaml', version: 1, text: PLAN } });
    const first = await nextDiagnostics(uri(), 1);
    expect(first.map((d) => d.code).sort()).toEqual(['punctuation-width', 'unit-unknown']);
    expect(byPlace(shape(first))).toEqual(byPlace(checkJson(file())));

    // The writer types a second measure's lead wrong and a full stop after a title.
    const edited = PLAN.replace('开展同心实践活动', '开展同心实践活动。').replace('lead: 统战部', 'lead: 统战布');
    await rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(), version: 2 },
      contentChanges: [{ text: edited }],
    });
    const second = await nextDiagnostics(uri(), 2);
    writeFileSync(file(), edited);
    expect(second.length).toBeGreaterThan(first.length);
    expect(byPlace(shape(second))).toEqual(byPlace(checkJson(file())));
  });

  it('offers each finding’s fix and a fix-all, both giving what check --fix writes', async () => {
    const text = readFileSync(file(), 'utf8');
    const diagnostics = (published.get(uri()) ?? []).at(-1)!;
    const punctuation = diagnostics.find((d) => d.code === 'punctuation-width')!;
    const actions = (await rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri() },
      range: punctuation.range,
      context: { diagnostics: diagnostics },
    })) as { title: string; kind: string; edit: { documentChanges: { edits: TextEdit[] }[] } }[];
    const quick = actions.filter((a) => a.kind === 'quickfix');
    const all = actions.find((a) => a.kind === 'source.fixAll.workplan');
    expect(quick.length).toBeGreaterThan(0);
    expect(all).toBeDefined();
    // A unit outside the registry has no safe fix: no action is offered for it.
    expect(quick.every((a) => !a.title.includes('单位名录'))).toBe(true);

    const fixedCopy = path.join(work, 'fixed.yaml');
    writeFileSync(fixedCopy, text);
    runCli(['check', '--fix', fixedCopy], { cwd: work });
    const expected = readFileSync(fixedCopy, 'utf8');
    expect(expected).not.toBe(text);
    expect(applyEdits(text, all!.edit.documentChanges[0]!.edits)).toBe(expected);
    // The comma's own fix changes that comma and nothing else.
    const one = quick.find((a) => a.title.includes(punctuation.message))!;
    const afterOne = applyEdits(text, one.edit.documentChanges[0]!.edits);
    expect(afterOne).toBe(text.replace('读书班,突出', '读书班，突出'));
  });

  it('completes the registry’s units after lead:, and the plan’s keys with their Chinese names', async () => {
    const text = readFileSync(file(), 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('lead: 区文旅局'));
    const character = text.split('\n')[line]!.indexOf('区文旅局');
    const units = (await rpc.sendRequest('textDocument/completion', { textDocument: { uri: uri() }, position: { line, character } })) as { label: string }[];
    expect(units.map((u) => u.label).sort()).toEqual(['区委统战部', '区工商联', '区民族宗教事务局'].sort());

    // A new key inside a measure: the measure's keys, not the plan's.
    const withKey = text.replace('        lead: 区文旅局\n', '        lead: 区文旅局\n        du\n');
    await rpc.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 3 }, contentChanges: [{ text: withKey }] });
    const keyLine = withKey.split('\n').findIndex((l) => l === '        du');
    const keys = (await rpc.sendRequest('textDocument/completion', {
      textDocument: { uri: uri() },
      position: { line: keyLine, character: 10 },
    })) as { label: string; detail?: string; documentation?: string }[];
    const due = keys.find((k) => k.label === 'due');
    expect(due?.detail).toBe('完成时限');
    expect(keys.map((k) => k.label)).toContain('responsible');
    expect(keys.map((k) => k.label)).not.toContain('recipients');
  });

  it('in a speech: completes figure names after {=, hovers a reference with its value, and goes to where the value is written', async () => {
    const speechFile = path.join(work, '2025-汇报发言.yaml');
    const speechUri = pathToFileURL(speechFile).href;
    const text = readFileSync(speechFile, 'utf8');
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: speechUri, languageId: 'yaml', version: 1, text } });
    const diagnostics = await nextDiagnostics(speechUri, 1);
    expect(byPlace(shape(diagnostics))).toEqual(byPlace(checkJson(speechFile)));

    const reference = '{=培训党外代表人士}';
    const at = text.indexOf(reference);
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - (text.lastIndexOf('\n', at - 1) + 1) + 3;
    const hover = (await rpc.sendRequest('textDocument/hover', { textDocument: { uri: speechUri }, position: { line, character } })) as {
      contents: { value: string };
    };
    // The value the build prints: the figures plan's latest progress of that name, with its unit.
    const plan = readFileSync(path.join(work, '2025-工作安排意见.yaml'), 'utf8');
    const measure = (parse(plan) as { sections: { measures?: { targets?: { name: string; unit?: string }[]; progress?: { date: string; values?: Record<string, number> }[] }[] }[] }).sections
      .flatMap((s) => s.measures ?? [])
      .find((m) => m.progress?.some((p) => p.values?.['培训党外代表人士'] !== undefined))!;
    const latest = [...measure.progress!].sort((a, b) => (a.date < b.date ? 1 : -1))[0]!;
    const value = `${latest.values!['培训党外代表人士']}${measure.targets!.find((t) => t.name === '培训党外代表人士')!.unit}`;
    expect(hover.contents.value).toContain(`= ${value}`);
    expect(hover.contents.value).toContain('2025-工作安排意见.yaml');

    const definition = (await rpc.sendRequest('textDocument/definition', { textDocument: { uri: speechUri }, position: { line, character } })) as {
      uri: string;
      range: { start: { line: number } };
    };
    expect(definition.uri).toBe(pathToFileURL(path.join(work, '2025-工作安排意见.yaml')).href);
    expect(plan.split('\n')[definition.range.start.line]).toMatch(/培训党外代表人士:/);

    // Typing a new reference: the figures plan's names are offered.
    const typed = text.replace(reference, `${reference}，又有{=培训`);
    await rpc.sendNotification('textDocument/didChange', { textDocument: { uri: speechUri, version: 2 }, contentChanges: [{ text: typed }] });
    const cursor = typed.indexOf('{=培训', at + reference.length) + '{=培训'.length;
    const cLine = typed.slice(0, cursor).split('\n').length - 1;
    const cChar = cursor - (typed.lastIndexOf('\n', cursor - 1) + 1);
    const figures = (await rpc.sendRequest('textDocument/completion', {
      textDocument: { uri: speechUri },
      position: { line: cLine, character: cChar },
    })) as { label: string; detail: string; textEdit: TextEdit }[];
    const training = figures.find((f) => f.label === '培训党外代表人士')!;
    expect(training.detail).toContain(value);
    expect(training.textEdit.newText).toBe('培训党外代表人士}');
  });

  it('gives the outline: parts and their measures, named as the document numbers them', async () => {
    const symbols = (await rpc.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri() } })) as {
      name: string;
      detail: string;
      children: { name: string; detail: string }[];
    }[];
    expect(symbols.map((s) => [s.detail, s.name])).toEqual([['一、', '强化思想引领']]);
    expect(symbols[0]!.children.map((c) => c.name)).toEqual(['办好党外干部读书班,突出学用结合', '开展同心实践活动。']);
    expect(symbols[0]!.children[0]!.detail).toBe('1. 统战布');
  });
});
