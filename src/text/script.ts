/**
 * 简体 and 繁体. A plan in traditional characters gets the tool's own words (牽頭單位, 印發, 簽發人,
 * 彙報完畢…) in traditional characters too, and its own text untouched; `--script` converts a whole
 * document. Conversion is character by character (OpenCC's cn → t and t → cn, no vocabulary), through
 * opencc-js, loaded only when a document needs it: its dictionaries take a few hundred milliseconds.
 */

import { TRADITIONAL_FORMS } from './hant-pairs.js';

export type Script = 'hans' | 'hant';
export const SCRIPTS: readonly Script[] = ['hans', 'hant'];

/** Converts text to the other script; identity where nothing is asked. */
export type Localize = (text: string) => string;
export const KEEP: Localize = (text) => text;

/**
 * The tool's own words in the output's script. Called on a word (`words('牵头单位：')`) or as a
 * tag (words`截至${date}，《${title}》…`): a tag converts only its literal parts, so plan text
 * interpolated into a sentence is never converted.
 */
export interface Words {
  (text: string): string;
  (strings: TemplateStringsArray, ...values: unknown[]): string;
}

/** The Words of a converter (identity when none). */
export function wordsOf(localize: Localize = KEEP): Words {
  return ((first: string | TemplateStringsArray, ...values: unknown[]) => {
    if (typeof first === 'string') return localize(first);
    return first.reduce((out, literal, i) => out + localize(literal) + (i < values.length ? String(values[i]) : ''), '');
  }) as Words;
}

/** 简体 tool words: the words as written. */
export const HANS_WORDS: Words = wordsOf();

/**
 * The one parameter that carries the script from the plan (or `--script`) to the emitted file.
 * `words` puts the tool's words (templates, labels, sentences the tool writes) in the output's
 * script; `convert` is set when the plan is in the other script, and the publishing stage converts
 * the whole document through it, once.
 */
export interface ScriptChoice {
  script: Script;
  words: Words;
  convert?: Localize;
}

/** A word of the tool's as the finished document has it: in the output's script, after any whole-document conversion. */
export function finalWords(script: ScriptChoice, text: string): string {
  const said = script.words(text);
  return script.convert ? script.convert(said) : said;
}

/** 简体 in, 简体 out: no dictionary. */
export const HANS: ScriptChoice = { script: 'hans', words: HANS_WORDS };


/**
 * Whether text may be 繁体: cheap, and never wrong about 简体 text. The table's 繁体 forms are
 * frequent characters that exist only in traditional writing: a plan without any of them is 简体,
 * and the dictionary need not be loaded to say so.
 */
export function mayBeTraditional(text: string): boolean {
  for (const c of text) if (TRADITIONAL_FORMS.has(c)) return true;
  return false;
}

/**
 * The script of a text, decided by the converters: characters that change when made simplified
 * are traditional ones, and the reverse. Ties (a text of shared characters) count as 简体.
 */
export function detectScript(text: string, toSimplified: Localize, toTraditional: Localize): Script {
  let traditional = 0;
  let simplified = 0;
  const simple = [...toSimplified(text)];
  const complex = [...toTraditional(text)];
  [...text].forEach((c, i) => {
    if (simple[i] !== c) traditional++;
    if (complex[i] !== c) simplified++;
  });
  return traditional > simplified ? 'hant' : 'hans';
}

export interface Converters {
  toTraditional: Localize;
  toSimplified: Localize;
}

let loaded: Promise<Converters> | undefined;

/** OpenCC's character tables, loaded once. */
export function loadConverters(): Promise<Converters> {
  loaded ??= (async () => {
    const [toT, toS] = await Promise.all([import('opencc-js/cn2t'), import('opencc-js/t2cn')]);
    return { toTraditional: toT.Converter({ from: 'cn', to: 't' }), toSimplified: toS.Converter({ from: 't', to: 'cn' }) };
  })();
  return loaded;
}
