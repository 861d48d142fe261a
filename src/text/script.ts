/**
 * 简体 and 繁体. A plan in traditional characters gets the tool's own words (牽頭單位, 印發, 簽發人,
 * 彙報完畢…) in traditional characters too, and its own text untouched; `--script` converts a whole
 * document. Conversion is character by character (OpenCC's cn → t and t → cn, no vocabulary), through
 * opencc-js, loaded only when a document needs it: its dictionaries take a few hundred milliseconds.
 */

export type Script = 'hans' | 'hant';
export const SCRIPTS: readonly Script[] = ['hans', 'hant'];

/** Converts text to the other script; identity where nothing is asked. */
export type Localize = (text: string) => string;
export const KEEP: Localize = (text) => text;

// Frequent characters that exist only in traditional writing: a plan without any of them is
// 简体, and the dictionary need not be loaded to say so.
const TRADITIONAL_HINTS = /[們這個為說會發經與關對時來國學區縣團結聯統戰線黨務導領員門問題實際歷義當興幹將書記應從並開給過還進選農財濟體製產業務協調領]/u;

/** Whether text may be 繁体: cheap, and never wrong about 简体 text without those characters. */
export function mayBeTraditional(text: string): boolean {
  return TRADITIONAL_HINTS.test(text);
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
