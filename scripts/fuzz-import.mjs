// `npm run fuzz -- --import --runs 20000 [--seed 1]`: hostile .docx and .md (the classes of
// scripts/hostile-sources.mjs at random sizes, and valid sources with random bytes changed) through
// import as a user runs it: read, recognize, written as YAML, the YAML loaded again. Every run is
// bounded: the runs go through a worker thread with a 1 GB heap, and a run that takes over 10 s is
// stopped (the worker is ended and a new one takes the next run), so a hang or a heap blown up is
// counted, not waited for. A crash is an exception that is not a Chinese refusal (UsageError), a
// refusal that shows an internal error, or YAML the loader cannot read back.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { random } from './seeded-random.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HANG_MS = 10_000;
const HEAP_MB = 1024;


/** An integer from 1 to `max`, spread evenly over its digits (as many 10s as 10,000s). */
function logUniform(rand, max) {
  return Math.max(1, Math.floor(Math.exp(rand() * Math.log(max))));
}

const FORMATS = ['decimal', 'upperLetter', 'lowerLetter', 'upperRoman', 'chineseCounting', 'decimalEnclosedCircle', 'ideographTraditional', 'chineseLegalSimplified', 'bullet', 'none'];
const STARTS = ['0', '-1', '1', '27', '999999999', '99999999999999', '1e300', '-99999999999', 'NaN', '', '3.5', '0x10'];
const ENCODINGS = ['GBK', 'gb2312', 'GB18030', 'Big5', 'Shift_JIS', 'UTF-16', 'UTF-16LE', 'utf-8', 'ISO-8859-1', 'windows-1252', 'x-unknown', 'EBCDIC'];
const TAGS = ['<w:p>', '</w:p>', '<w:r>', '</w:r>', '<w:t>', '</w:t>', '<w:tbl>', '<w:tc>', '<w:sdt>', '<w:sdtContent>', '&amp;', '&#0;', '&#xD800;', ']]>', '<![CDATA[', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;', '<w:br/>', '<w:numPr><w:numId w:val="1"/></w:numPr>', '\u0000', '\ufffe'];

/**
 * One hostile source for run `run` of seed `seed`: the same pair always gives the same bytes, so
 * a restarted worker needs no replay and a failure can be made again from its number.
 */
function makeCase(h, iconv, seed, run, cache) {
  const rand = random(seed * 1_000_003 + run);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const kind = Math.floor(rand() * 10);
  switch (kind) {
    case 0: {
      const start = pick(STARTS);
      const numbering = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="${pick(['0', '8', '9', '-1', '99999999999'])}"><w:start w:val="${start}"/><w:numFmt w:val="${pick(FORMATS)}"/><w:lvlText w:val="${pick(['%1.', '%1%2%3%4%5%6%7%8%9', '（%1）', '%9'])}"/><w:lvlRestart w:val="${pick(STARTS)}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="${pick(['0', '5', '-3', '1e9'])}"><w:startOverride w:val="${pick(STARTS)}"/></w:lvlOverride></w:num>`;
      const count = logUniform(rand, 3000);
      const body = Array.from({ length: count }, (_, i) => h.paragraphXml(h.SAMPLE_LINES[i % 4], `<w:numPr><w:ilvl w:val="${Math.floor(rand() * 12) - 1}"/><w:numId w:val="1"/></w:numPr>`)).join('');
      return { name: `numbering-${start}.docx`, bytes: h.makeDocx({ body, numbering }) };
    }
    case 1: {
      const nesting = pick(h.NESTING_KINDS);
      const depth = logUniform(rand, 200_000);
      return { name: `${nesting}-${depth}.docx`, bytes: h.makeDocx({ body: h.nestedBody(nesting, depth) }) };
    }
    case 2: {
      const length = logUniform(rand, 100_000);
      return { name: `chain-${length}.docx`, bytes: h.styleChain(length) };
    }
    case 3: {
      const count = logUniform(rand, 60_000);
      return { name: `many-${count}.docx`, bytes: h.manyParagraphs(count) };
    }
    case 4: {
      // Compressing hundreds of MB takes seconds: a few sizes, made once per worker.
      const megabytes = pick([1, 23, 30, 300]);
      cache.bombs ??= new Map();
      if (!cache.bombs.has(megabytes)) cache.bombs.set(megabytes, h.zipBomb(megabytes));
      return { name: `bomb-${megabytes}.docx`, bytes: cache.bombs.get(megabytes) };
    }
    case 5: {
      const depth = logUniform(rand, 10_000);
      return rand() < 0.5 ? { name: `quotes-${depth}.md`, bytes: h.nestedQuotes(depth) } : { name: `list-${Math.min(depth, 3000)}.md`, bytes: h.nestedList(Math.min(depth, 3000)) };
    }
    case 6: {
      const declared = pick(ENCODINGS);
      const actual = pick(['gbk', 'utf16le', 'utf16be', 'utf8', 'big5', 'latin1']);
      const bom = pick([[], [], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]]);
      return { name: `encoding-${declared}-${actual}.docx`, bytes: h.encodedDocument(declared, (t) => iconv.encode(t, actual), bom) };
    }
    case 7: {
      // Valid XML with pieces of markup dropped in at random: what a broken producer writes.
      let body = h.SAMPLE_LINES.map((l) => h.paragraphXml(l)).join('').repeat(1 + Math.floor(rand() * 20));
      for (let k = 0, n = 1 + Math.floor(rand() * 8); k < n; k++) {
        const at = Math.floor(rand() * body.length);
        body = body.slice(0, at) + pick(TAGS) + body.slice(at);
      }
      return { name: 'markup.docx', bytes: h.makeDocx({ body }) };
    }
    case 8: {
      // A valid package with bytes of the zip itself changed: the directory, sizes, the deflate stream.
      const bytes = h.makeDocx({ body: h.SAMPLE_LINES.map((l) => h.paragraphXml(l)).join(''), level: Math.floor(rand() * 10) }).slice();
      for (let k = 0, n = 1 + Math.floor(rand() * 6); k < n; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      return { name: 'zip-bytes.docx', bytes };
    }
    default: {
      // Markdown with deep inline nesting and lines ended every way.
      const open = pick(['*', '**', '_', '[', '`', '<b>', '> ', '- ', '1. ']);
      const depth = logUniform(rand, 20_000);
      const end = pick(['\n', '\r', '\r\n']);
      const text = `# 标题${end}${end}${open.repeat(depth)}文字${[...open].reverse().join('').repeat(Math.floor(depth / 2))}${end}`;
      return { name: `inline-${depth}.md`, bytes: new TextEncoder().encode(text) };
    }
  }
}

/** The worker: runs `from` … `to - 1`, telling the main thread as each starts and ends. */
async function workerMain() {
  const dist = (p) => import(pathToFileURL(path.join(ROOT, 'dist', p)).href);
  const [h, { default: iconv }, { readSource }, { recognizePlan }, { writePlanYaml }, { parsePlan }, { UsageError }] = await Promise.all([
    import('./hostile-sources.mjs'),
    import('iconv-lite'),
    dist('pipeline/read-source.js'),
    dist('import/recognize-plan.js'),
    dist('import/write-plan-yaml.js'),
    dist('plan/load-plan.js'),
    dist('usage-error.js'),
  ]);
  const { seed, from, to } = workerData;
  const cache = {};
  for (let run = from; run < to; run++) {
    const started = performance.now();
    let made;
    try {
      made = makeCase(h, iconv, seed, run, cache);
    } catch (error) {
      parentPort.postMessage({ run, outcome: 'crash', name: 'generator', message: `generator: ${error?.stack ?? error}` });
      continue;
    }
    const generated = performance.now();
    parentPort.postMessage({ run, started: true, name: made.name });
    let outcome = 'imported';
    let message = '';
    try {
      const doc = await readSource(made.name, { bytes: made.bytes });
      const { plan, guesses } = recognizePlan(doc, { today: '2026-03-01' });
      const { text } = writePlanYaml(plan, guesses, made.name);
      const back = parsePlan('imported.yaml', new TextEncoder().encode(text));
      if (!back.loaded && back.diagnostics.some((d) => /^yaml-/.test(d.ruleId))) throw new Error(`the imported YAML does not load: ${back.diagnostics[0].message}`);
    } catch (error) {
      if (error instanceof UsageError && /[\u4e00-\u9fff]/.test(error.message) && !error.message.includes('内部错误')) outcome = 'refused';
      else {
        outcome = 'crash';
        message = String(error?.stack ?? error);
      }
    }
    const ms = performance.now() - generated;
    parentPort.postMessage({ run, outcome, name: made.name, message, ms, totalMs: performance.now() - started });
  }
}

/**
 * Runs `runs` hostile imports; returns counts and failures (kind: crash, hang, memory). A failure
 * is made again from its run number and the seed.
 */
export async function fuzzImport({ runs, seed = 1, onProgress } = {}) {
  const counts = { runs: 0, imported: 0, refused: 0, slowestMs: 0, slowest: '', peakRss: 0 };
  const failures = [];
  let next = 0;
  while (next < runs) {
    next = await new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), {
        workerData: { seed, from: next, to: runs },
        resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
        stdout: true,
        stderr: true,
      });
      let current = { run: next, name: '?' };
      let timer;
      let settled = false;
      const finish = (resumeAt) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(resumeAt);
      };
      const sample = setInterval(() => (counts.peakRss = Math.max(counts.peakRss, process.memoryUsage().rss)), 100);
      worker.on('message', (m) => {
        if (m.started) {
          current = m;
          clearTimeout(timer);
          timer = setTimeout(() => {
            failures.push({ run: m.run, kind: 'hang', name: m.name, message: `over ${HANG_MS} ms` });
            counts.runs++;
            finish(m.run + 1);
          }, HANG_MS);
          return;
        }
        clearTimeout(timer);
        counts.runs++;
        if (m.outcome === 'crash') failures.push({ run: m.run, kind: 'crash', name: m.name, message: m.message });
        else counts[m.outcome]++;
        if ((m.ms ?? 0) > counts.slowestMs) {
          counts.slowestMs = Math.round(m.ms);
          counts.slowest = m.name;
        }
        counts.peakRss = Math.max(counts.peakRss, process.memoryUsage().rss);
        onProgress?.(counts, failures);
        if (m.run + 1 >= runs) finish(runs);
      });
      worker.on('error', (error) => {
        // Out of heap (ERR_WORKER_OUT_OF_MEMORY) or anything else that ends the worker mid-run.
        failures.push({ run: current.run, kind: /memory/i.test(String(error?.code ?? error)) ? 'memory' : 'crash', name: current.name, message: String(error?.stack ?? error) });
        counts.runs++;
        finish(current.run + 1);
      });
      worker.on('exit', () => {
        clearInterval(sample);
        if (!settled && current.run < runs - 1) {
          failures.push({ run: current.run, kind: 'crash', name: current.name, message: 'the worker ended in the middle of a run' });
          counts.runs++;
          finish(current.run + 1);
        }
        finish(runs);
      });
    });
  }
  return { counts, failures };
}

if (!isMainThread) await workerMain();
