// `npm run fuzz -- --runs 100000 [--builds 5000] [--seed 1] [--seconds 3600]`: mutates the example
// and fixture plans and runs check, --fix and build in this process, as an attacker's files would.
// A crash is an exception the engine lets out (anything but a plan problem), a run over 10 s, a
// process over 1 GB, a warning Node prints, a --fix that breaks or loses what it should keep, or an output part that a
// strict XML parser refuses. `--import` fuzzes import instead (scripts/fuzz-import.mjs). Runs on the compiled dist/ (npm run build first); a small fixed-seed
// run is part of npm test (test/build/fuzz.test.ts).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { random } from './seeded-random.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(pathToFileURL(path.join(ROOT, 'dist', p)).href);

const HANG_MS = 10_000;
const MEMORY_LIMIT = 1024 * 1024 * 1024;

/** Characters that matter to YAML, Markdown, XML and Chinese text, and some that should never be there. */
const INTERESTING = [
  ':', ': ', '-', '- ', '[', ']', '{', '}', '#', ' #', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '\\', ',', '?',
  '\n', '\r\n', '\t', '  ', '    ', '---', '...', '~', 'null', 'true', '0x1F', '1e9', '2025-13-45', '.nan',
  '\u000b', '\u0008', '\u001b', '\u0000', '\ufffe', '\uffff', '\ud800', '\u2028', '\u00a0', '\u3000', '\ufeff',
  '统战', '，', '。', '：', '“', '”', '（一）', '一、', '1.', '<w:t>', '</w:p>', '&amp;', ']]>', '{{title}}', '**', '|---|',
  '&a [*a, *a, *a]', '*a', '&a', '<<: *a', '!!binary', '!!js/function', '"\\u0000"', '"\\x0b"',
];

/** Text that stays inside a plain value: what plan prose may hold, wanted or not. */
const PROSE = [
  '统战', '工作', '，', '。', ',', ':', ';', '(', ')', '...', '--', '?', '!', '"同心"', "'同心'", '1,000', '9:30', '3.5%',
  '*', '**', '_', '`', '[x](y)', '<b>', '</w:t>', '&amp;', '&#42;', ']]>', '{{title}}', '|', '~', '\\', '<!--', '一、', '（一）',
  '\u000b', '\u0008', '\u001b', '\ufffe', '\uffff', '\u2028', '\u3000', '\u00a0', 'XX', '202x', 'dang', '****', 'TODO',
  'https://example.org/a,b', 'a.b@example.org', '2025年6月底前', '𠀀', '\u200b',
];


function seedPlans() {
  const files = [];
  for (const dir of ['plans']) for (const f of readdirSync(path.join(ROOT, dir))) if (f.endsWith('.yaml')) files.push(path.join(ROOT, dir, f));
  for (const group of ['check', 'build']) {
    const base = path.join(ROOT, 'test', 'fixtures', group);
    for (const c of readdirSync(base)) if (existsSync(path.join(base, c, 'plan.yaml'))) files.push(path.join(base, c, 'plan.yaml'));
  }
  return files.map((f) => readFileSync(f, 'utf8'));
}

/** One random change of a plan's text. */
function mutate(text, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const at = () => Math.floor(rand() * (text.length + 1));
  const lines = text.split('\n');
  if (rand() < 0.6) {
    // Inside a value, after “key: ”: the file stays YAML and the text reaches rules and outputs.
    const candidates = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*(- )?[A-Za-z]+: \S/.test(l) && !/: [|>]\s*$/.test(l));
    if (candidates.length) {
      const [line, i] = pick(candidates);
      const start = line.indexOf(': ') + 2;
      const quoted = line[start] === '"' || line[start] === "'";
      const where = start + (quoted ? 1 : 0) + Math.floor(rand() * (line.length - start - (quoted ? 1 : 0)));
      let piece = pick(PROSE);
      if (line[start] === "'") piece = piece.replace(/'/g, "''");
      if (line[start] === '"') piece = piece.replace(/["\\]/g, '\\$&');
      lines[i] = line.slice(0, where) + piece + line.slice(where);
      return lines.join('\n');
    }
  }
  switch (Math.floor(rand() * 9)) {
    case 0: {
      const i = at();
      return text.slice(0, i) + pick(INTERESTING) + text.slice(i);
    }
    case 1: {
      const i = at();
      return text.slice(0, i) + text.slice(i + 1 + Math.floor(rand() * 20));
    }
    case 2: {
      const i = Math.floor(rand() * lines.length);
      lines.splice(i, 0, lines[Math.floor(rand() * lines.length)]);
      return lines.join('\n');
    }
    case 3: {
      const i = Math.floor(rand() * lines.length);
      lines[i] = (rand() < 0.5 ? ' ' : '') + lines[i].replace(/^ {1,2}/, '');
      return lines.join('\n');
    }
    case 4:
      return text.slice(0, at());
    case 5: {
      const i = at();
      return text.slice(0, i) + String.fromCodePoint(Math.floor(rand() * 0x30000)) + text.slice(i);
    }
    case 6: {
      // A value made very long: many a rule walks every character.
      const i = text.indexOf(': ', at());
      return i < 0 ? text : `${text.slice(0, i + 2)}${'统战工作,'.repeat(1 + Math.floor(rand() * 2000))}${text.slice(i + 2)}`;
    }
    case 7: {
      const a = Math.floor(rand() * lines.length);
      const b = Math.floor(rand() * lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    default: {
      // Half-width punctuation in a Chinese value: what --fix exists for.
      const i = text.indexOf('。', at());
      return i < 0 ? text : `${text.slice(0, i)}${pick([',', ':', ';', '(', ')', '"', "'", '...', '--', '?', '!'])}${text.slice(i)}`;
    }
  }
}

/** Loads the engine once. `xmlCheck(xml)` throws on a part a strict XML 1.0 parser refuses. */
export async function loadEngine() {
  const [{ parsePlan }, { runRules }, { fixPlans }, rendering, templates, publishing, fflate] = await Promise.all([
    dist('plan/load-plan.js'),
    dist('rules/run-rules.js'),
    dist('pipeline/fix-plans.js'),
    dist('pipeline/render-document.js'),
    dist('render/render-template.js'),
    dist('pipeline/publish-documents.js'),
    import('fflate'),
  ]);
  const templateSet = await templates.loadTemplateSet([templates.BUILTIN_TEMPLATES]);
  let xmlCheck;
  try {
    const { SaxesParser } = await import('saxes');
    xmlCheck = (xml) => {
      const parser = new SaxesParser({ xmlns: true });
      parser.on('error', (error) => {
        throw error;
      });
      parser.write(xml).close();
    };
  } catch {
    xmlCheck = undefined;
  }
  return { parsePlan, runRules, fixPlans, rendering, templateSet, publishing, fflate, xmlCheck };
}

/** The XML parts of a zip package, each checked. */
function checkPackage(engine, bytes, where) {
  const parts = engine.fflate.unzipSync(bytes);
  for (const [name, data] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    try {
      engine.xmlCheck?.(engine.fflate.strFromU8(data));
    } catch (error) {
      throw new Error(`${where}: ${name} is not well-formed XML 1.0: ${error.message}`);
    }
  }
}

/** check, --fix and (when `build`) every document and format of one plan text. */
async function runOne(engine, text, build) {
  const { loaded } = engine.parsePlan('fuzz.yaml', new TextEncoder().encode(text));
  if (!loaded) return 'invalid';
  const rules = engine.runRules(loaded, {});
  const plan = { file: 'fuzz.yaml', shown: 'fuzz.yaml', root: ROOT, config: { config: {}, diagnostics: [] }, loaded, edits: rules.edits };
  const { fixes } = engine.fixPlans({ plans: [plan], diagnostics: [] });
  for (const fix of fixes) {
    if (!engine.parsePlan('fuzz.yaml', new TextEncoder().encode(fix.after)).loaded) throw new Error('--fix wrote a plan that no longer loads');
  }
  if (!build || rules.diagnostics.some((d) => d.severity === 'error')) return 'checked';
  for (const doc of ['opinion', 'tasks', 'speech']) {
    let rendered;
    try {
      rendered = engine.rendering.renderDocument(loaded.plan, doc, engine.templateSet, { owners: true, taskText: true });
    } catch (error) {
      if (error instanceof engine.rendering.DocumentProblem) continue;
      throw error;
    }
    // Every format through the publishing stage, as every command's documents go.
    const { blocks, meta } = rendered;
    const publication = { name: 'fuzz', blocks, meta: { ...meta, pageNumbers: 'outside' }, script: { script: 'hans', words: (t) => t }, formats: [] };
    checkPackage(engine, await engine.publishing.publishDocument(publication, 'docx'), `${doc}.docx`);
    await engine.publishing.publishDocument(publication, 'md');
    if (doc === 'tasks') {
      checkPackage(engine, await engine.publishing.publishDocument(publication, 'xlsx'), 'tasks.xlsx');
      await engine.publishing.publishDocument(publication, 'csv');
    }
  }
  return 'built';
}

/**
 * Runs the fuzzer; returns counts and the failures (with the mutated plan that caused each).
 * `builds` of the `runs` also build every document (evenly spread).
 */
export async function fuzz({ runs, builds = Math.ceil(runs / 20), seed = 1, seconds = Infinity, onProgress } = {}) {
  const engine = await loadEngine();
  const seeds = seedPlans();
  const rand = random(seed);
  const failures = [];
  const counts = { runs: 0, invalid: 0, checked: 0, built: 0, xmlChecked: engine.xmlCheck !== undefined, slowestMs: 0, peakRss: 0 };
  const deadline = Date.now() + seconds * 1000;
  // A warning Node prints (from a library) reaches the user as noise: it counts as a failure.
  let warned;
  const onWarning = (warning) => (warned = warning);
  process.on('warning', onWarning);

  for (let i = 0; i < runs && Date.now() < deadline; i++) {
    let text = seeds[Math.floor(rand() * seeds.length)];
    const steps = 1 + Math.floor(rand() * 3);
    for (let s = 0; s < steps; s++) text = mutate(text, rand);
    const started = performance.now();
    try {
      // Builds are spread over the runs: build whenever fewer than the quota so far.
      counts[await runOne(engine, text, counts.built < (builds * (i + 1)) / runs)]++;
    } catch (error) {
      failures.push({ run: i, kind: 'crash', message: String(error?.stack ?? error), text });
    }
    if (warned) {
      failures.push({ run: i, kind: 'warning', message: String(warned.message), text });
      warned = undefined;
    }
    const ms = performance.now() - started;
    counts.slowestMs = Math.max(counts.slowestMs, Math.round(ms));
    if (ms > HANG_MS) failures.push({ run: i, kind: 'hang', message: `${Math.round(ms)} ms`, text });
    const rss = process.memoryUsage().rss;
    counts.peakRss = Math.max(counts.peakRss, rss);
    if (rss > MEMORY_LIMIT) failures.push({ run: i, kind: 'memory', message: `${Math.round(rss / 1e6)} MB`, text });
    counts.runs++;
    onProgress?.(counts, failures);
  }
  process.off('warning', onWarning);
  return { counts, failures };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const runs = option('runs', 1000);
  const started = Date.now();
  if (args.includes('--import')) {
    const { fuzzImport } = await import('./fuzz-import.mjs');
    let shown = 0;
    const { counts, failures } = await fuzzImport({
      runs,
      seed: option('seed', 1),
      onProgress(c, f) {
        // Live on a terminal; in a log, a line every 10 s, so a long run shows it is alive.
        const tty = process.stderr.isTTY;
        if (Date.now() - shown > (tty ? 500 : 10_000)) {
          shown = Date.now();
          process.stderr.write(`${tty ? '\r\x1b[K' : ''}${c.runs}/${runs} 次导入，${f.length} 个问题${tty ? '' : '\n'}`);
        }
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    console.log(
      `导入模糊测试：${counts.runs} 次（导入 ${counts.imported}，拒绝 ${counts.refused}），用时 ${Math.round((Date.now() - started) / 1000)} s，` +
        `最慢一次 ${counts.slowestMs} ms（${counts.slowest}），内存峰值 ${Math.round(counts.peakRss / 1e6)} MB`,
    );
    const byKind = {};
    for (const f of failures) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    console.log(`问题：${failures.length}${failures.length ? ` ${JSON.stringify(byKind)}` : ''}`);
    for (const f of failures.slice(0, 5)) console.log(`\n#${f.run} ${f.kind} ${f.name}: ${f.message.split('\n').slice(0, 6).join('\n')}`);
    process.exit(failures.length ? 1 : 0);
  }
  let last = 0;
  const { counts, failures } = await fuzz({
    runs,
    builds: option('builds', Math.ceil(runs / 20)),
    seed: option('seed', 1),
    seconds: option('seconds', 3600),
    onProgress(c, f) {
      const tty = process.stderr.isTTY;
      if (Date.now() - last > (tty ? 500 : 10_000)) {
        last = Date.now();
        process.stderr.write(`${tty ? '\r\x1b[K' : ''}${c.runs}/${runs} 次，${c.built} 次生成，${f.length} 个问题${tty ? '' : '\n'}`);
      }
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  console.log(
    `模糊测试：${counts.runs} 次（加载失败 ${counts.invalid}，检查 ${counts.checked}，生成全部文稿 ${counts.built}），` +
      `用时 ${Math.round((Date.now() - started) / 1000)} s，最慢一次 ${counts.slowestMs} ms，内存峰值 ${Math.round(counts.peakRss / 1e6)} MB，` +
      `XML 严格校验${counts.xmlChecked ? '已开启' : '未开启（缺少 saxes）'}`,
  );
  const byKind = {};
  for (const f of failures) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  console.log(`问题：${failures.length}${failures.length ? ` ${JSON.stringify(byKind)}` : ''}`);
  for (const f of failures.slice(0, 5)) console.log(`\n#${f.run} ${f.kind}: ${f.message.split('\n').slice(0, 6).join('\n')}\n--- 计划 ---\n${f.text.slice(0, 2000)}`);
  process.exitCode = failures.length ? 1 : 0;
}
