/**
 * The one table of 简/繁 pairs the tool's own patterns need: the recognizer (import's headers,
 * front matter, speech titles, web noise), the model (due phrases), the speech's verbs and the
 * cheap 繁体 detector all read it, instead of each writing pairs by hand. It is not a converter
 * (documents are converted by OpenCC, text/script.ts): it only lets a pattern written once in
 * 简体 read text written in either script. A test checks every pair against OpenCC's tables.
 */

// 简体 character, then its 繁体 forms (the usual one first).
const TABLE =
  '与與 业業 个個 为為爲 举舉 义義 书書 于於 产產 从從 们們 会會 体體 余餘 党黨 关關 兴興 内內 农農 决決 击擊 制製 办辦 务務 动動 ' +
  '区區 协協 单單 历歷 县縣 参參 发發 号號 员員 团團 国國 坚堅 备備 复復 头頭 学學 实實 审審 对對 导導 将將 布佈 带帶 帮幫 干幹 ' +
  '并並 应應 开開 当當 录錄 征徵 战戰 扫掃 报報 数數 时時 权權 来來 标標 树樹 汇匯彙 济濟 浏瀏 点點 牵牽 现現 盖蓋 码碼 筹籌 签簽 ' +
  '系繫 约約 纪紀 线線 组組 织織 经經 结結 给給 统統 续續 编編 网網 联聯 节節 荐薦 获獲 览覽 认認 训訓 记記 讲講 论論 设設 访訪 ' +
  '证證 评評 词詞 话話 说說 请請 读讀 调調 财財 责責 资資 赠贈 转轉 载載 辑輯 辞辭 达達 过過 还還 这這 进進 选選 键鍵 长長 门門 ' +
  '问問 间間 阅閱 际際 隐隱 页頁 领領 题題';

/** 简体 character → its 繁体 forms. */
export const HANT_FORMS: ReadonlyMap<string, readonly string[]> = new Map(
  TABLE.split(' ').map((group) => {
    const [hans, ...hant] = [...group];
    return [hans!, hant];
  }),
);

const HANS_OF: ReadonlyMap<string, string> = new Map([...HANT_FORMS].flatMap(([hans, forms]) => forms.map((form) => [form, hans] as const)));

/** Every 繁体 form in the table: frequent characters a 简体 text never holds. */
export const TRADITIONAL_FORMS: ReadonlySet<string> = new Set(HANS_OF.keys());

/** 繁体 forms of the table back to 简体, one character for one (indexes stay). */
export function toHansByTable(text: string): string {
  let out = '';
  for (const c of text) out += HANS_OF.get(c) ?? c;
  return out;
}

/** 简体 characters of the table to their usual 繁体 form (for the tool's fixed phrases). */
export function toHantByTable(text: string): string {
  let out = '';
  for (const c of text) out += HANT_FORMS.get(c)?.[0] ?? c;
  return out;
}

/**
 * A regular expression's source written in 简体, made to match either script: a listed character
 * stands for itself or any of its 繁体 forms (`关于` → `[关關][于於]`, and inside a class `[号]` →
 * `[号號]`). Escapes are copied as they are.
 */
export function bothScripts(source: string): string {
  let out = '';
  let inClass = false;
  const chars = [...source];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\') {
      out += c + (chars[++i] ?? '');
      continue;
    }
    if (inClass && c === ']') inClass = false;
    else if (!inClass && c === '[') inClass = true;
    const forms = HANT_FORMS.get(c);
    if (!forms) out += c;
    else out += inClass ? c + forms.join('') : `[${c}${forms.join('')}]`;
  }
  return out;
}
