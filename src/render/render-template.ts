/**
 * render: Plan view → Markdown through a Handlebars template.
 * Strict mode (a missing field is an error, not a silent blank), prototype access off,
 * and Markdown escaping in place of HTML escaping.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { escapeMarkdown } from '../text/escape-markdown.js';
import { HANS_WORDS, type Words } from '../text/script.js';
import { helpers } from './helpers.js';
import { PRECOMPILED_PARTIALS, PRECOMPILED_TEMPLATES } from './precompiled-templates.js';

/** The templates shipped with workplan. */
export const BUILTIN_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

// The runtime reads Utils.escapeExpression when a template is instantiated; every template
// compiled by this module therefore escapes for Markdown. Nothing else in workplan uses Handlebars.
(Handlebars.Utils as { escapeExpression: (value: unknown) => string }).escapeExpression = escapeExpressionForMarkdown;

/** Handlebars' `{{x}}` contract: null → '', SafeString passes through, everything else escaped. */
function escapeExpressionForMarkdown(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'object' && 'toHTML' in value && typeof (value as { toHTML: unknown }).toHTML === 'function') {
    return String((value as { toHTML(): unknown }).toHTML());
  }
  return escapeMarkdown(String(value));
}

export class TemplateError extends Error {
  override name = 'TemplateError';
}

export interface TemplateSet {
  /** Template sources by file name (`opinion.md.hbs`), override folders first. */
  templates: Map<string, { source: string; file: string }>;
  partials: Map<string, { source: string; file: string }>;
}

/**
 * Reads templates from the given folders; a file in an earlier folder overrides the same name in
 * a later one. Partials live in `partials/NAME.md.hbs` and are used as `{{> NAME}}`.
 * A template is read only where its real path lies inside the folder's real path: a plan
 * repository is often someone else's, and a `templates/opinion.md.hbs` linked to `/etc/passwd`
 * would otherwise print that file into the document.
 */
export async function loadTemplateSet(folders: readonly string[]): Promise<TemplateSet> {
  const set: TemplateSet = { templates: new Map(), partials: new Map() };
  for (const folder of [...folders].reverse()) {
    const home = await realFolder(folder);
    if (home === undefined) continue;
    for (const [sub, target] of [
      ['', set.templates],
      ['partials', set.partials],
    ] as const) {
      const dir = path.join(folder, sub);
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        continue;
      }
      for (const name of names.filter((n) => n.endsWith('.hbs')).sort()) {
        const file = path.join(dir, name);
        const key = sub ? name.replace(/\.md\.hbs$|\.hbs$/, '') : name;
        target.set(key, { source: await readTemplateFile(file, home), file });
      }
    }
  }
  return set;
}

/** The real path of a templates folder, refused when the folder itself is a link that leads out of its parent. */
async function realFolder(folder: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(folder);
  } catch {
    return undefined;
  }
  const parent = await realpath(path.dirname(folder));
  if (real !== path.join(parent, path.basename(folder))) throw new TemplateError(`模板文件夹 ${folder} 是指向别处（${real}）的链接，拒绝读取：模板只能放在计划仓库的 templates 文件夹里`);
  return real;
}

async function readTemplateFile(file: string, home: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    throw new TemplateError(`模板 ${file} 是断开的链接，读不到`);
  }
  const relative = path.relative(home, real);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new TemplateError(`模板 ${file} 指向模板文件夹以外的 ${real}，拒绝读取：模板只能放在计划仓库的 templates 文件夹里`);
  }
  // A folder or a named pipe with a template's name would fail or wait for ever in readFile.
  if (!(await stat(real)).isFile()) throw new TemplateError(`模板 ${file} 不是普通文件`);
  return readFile(real, 'utf8');
}

/** Compiled templates of a set: a batch build renders many plans with the same few templates. */
const compiledBySet = new WeakMap<TemplateSet, Map<string, HandlebarsTemplateDelegate>>();

function compiledTemplate(set: TemplateSet, name: string, source: string): HandlebarsTemplateDelegate {
  let compiled = compiledBySet.get(set);
  if (!compiled) {
    compiled = new Map();
    compiledBySet.set(set, compiled);
  }
  let template = compiled.get(name);
  if (!template) {
    const env = Handlebars.create();
    for (const [helperName, fn] of Object.entries(helpers)) env.registerHelper(helperName, fn as Handlebars.HelperDelegate);
    // The built-in templates were precompiled at npm run build (scripts/precompile-templates.mjs):
    // parsing and compiling them took ~25 ms of every build. Used only when what was read is
    // exactly the built-in source, the template and every partial; an override is compiled here.
    const builtin = PRECOMPILED_TEMPLATES[name];
    if (builtin && builtin.source === source && hasBuiltinPartials(set)) {
      for (const [partialName] of set.partials) env.registerPartial(partialName, env.template(PRECOMPILED_PARTIALS[partialName]!.spec as TemplateSpecification));
      template = env.template(builtin.spec as TemplateSpecification);
    } else {
      for (const [partialName, partial] of set.partials) env.registerPartial(partialName, partial.source);
      template = env.compile(source, { strict: true, noEscape: false });
    }
    compiled.set(name, template);
  }
  return template;
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** Whether the set's partials are exactly the built-in ones, by name and source. */
function hasBuiltinPartials(set: TemplateSet): boolean {
  if (set.partials.size !== Object.keys(PRECOMPILED_PARTIALS).length) return false;
  for (const [partialName, partial] of set.partials) {
    if (!Object.hasOwn(PRECOMPILED_PARTIALS, partialName) || PRECOMPILED_PARTIALS[partialName]!.source !== partial.source) return false;
  }
  return true;
}

/** Renders `name` (e.g. `opinion.md.hbs`) with the given view. Pure: no file system. */
export function renderTemplate(set: TemplateSet, name: string, view: object): string {
  const entry = set.templates.get(name);
  if (!entry) throw new TemplateError(`找不到模板 ${name}`);
  try {
    return compiledTemplate(set, name, entry.source)(view, {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new TemplateError(`模板 ${entry.file} 渲染失败：${message}`);
  }
}

const setsInScript = new WeakMap<TemplateSet, WeakMap<Words, TemplateSet>>();

/**
 * The set with its text in the output's script: a template's own text is the tool's words, so it
 * goes through the same `words` as every other word the tool writes (Handlebars syntax is ASCII and
 * stays; plan values arrive at render time, untouched). 简体 words give the set itself.
 */
export function templatesIn(set: TemplateSet, words: Words | undefined): TemplateSet {
  if (words === undefined || words === HANS_WORDS) return set;
  let byWords = setsInScript.get(set);
  if (!byWords) setsInScript.set(set, (byWords = new WeakMap()));
  let converted = byWords.get(words);
  if (!converted) {
    const convert = (entries: TemplateSet['templates']) => new Map([...entries].map(([name, t]) => [name, { ...t, source: words(t.source) }]));
    converted = { templates: convert(set.templates), partials: convert(set.partials) };
    byWords.set(words, converted);
  }
  return converted;
}
