/** Chinese wording for the `yaml` library's error codes. */
import type { ErrorCode } from 'yaml';
import type { LoaderRuleId } from '../rule-catalog.js';

/** Every code the library can raise: a code it adds later fails the type check until worded here. */
const YAML_MESSAGES: Record<ErrorCode, string> = {
  DUPLICATE_KEY: '重复的键：同一层级里这个键已经出现过',
  TAB_AS_INDENT: '缩进里有制表符（Tab）：YAML 只能用空格缩进',
  BAD_INDENT: '缩进不对齐：同一层级的键应左对齐',
  MULTILINE_IMPLICIT_KEY: '键不能跨行：可能是上一行少了冒号，或缩进有误',
  BLOCK_AS_IMPLICIT_KEY: '键的写法有误：可能是缩进错了',
  MISSING_CHAR: '缺少配对的符号（引号、括号或冒号）',
  UNEXPECTED_TOKEN: '无法识别的内容：请检查冒号、引号和缩进',
  BAD_SCALAR_START: '值不能以这个符号开头，请给整段文字加上引号',
  BAD_DQ_ESCAPE: '双引号字符串里的转义符“\\”用法有误',
  MULTIPLE_DOCS: '一个计划文件只能包含一个 YAML 文档（不要使用“---”分隔多个文档）',
  BAD_ALIAS: '引用（*别名）指向不存在的锚点（&）',
  KEY_OVER_1024_CHARS: '键太长（超过 1024 个字符）',
  BLOCK_IN_FLOW: '方括号或花括号内不能换行书写块状内容',
  NON_STRING_KEY: '键必须是普通文字',
  ALIAS_PROPS: '别名（*引用）不能再带锚点（&）或标签（!）',
  BAD_DIRECTIVE: '以“%”开头的 YAML 指令有误：计划文件用不到指令，请删除这一行',
  BAD_PROP_ORDER: '锚点（&）和标签（!）应写在“-”“?”等符号之后',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点（&）',
  MULTIPLE_TAGS: '一个值只能有一个标签（!）',
  TAG_RESOLVE_FAILED: '无法识别以“!”开头的标签：计划文件用不到标签，请删除它，或给整段文字加上引号',
  BAD_COLLECTION_TYPE: '标签（!）与内容的类型不符：计划文件用不到标签，请删除它',
  RESOURCE_EXHAUSTION: '嵌套层数太多，超出了能处理的范围：请减少方括号、花括号或缩进的层数',
  // The library's own consistency check; reached only by input it cannot make sense of.
  IMPOSSIBLE: 'YAML 结构无法解析：请检查这一行附近的缩进、冒号和引号',
};

/** Rule ids for YAML problems a user can cause. */
export function yamlRuleId(code: string): LoaderRuleId {
  if (code === 'DUPLICATE_KEY') return 'yaml-duplicate-key';
  if (code === 'TAB_AS_INDENT') return 'yaml-tab-indent';
  return 'yaml-syntax';
}

export function yamlMessage(code: string, original = ''): string {
  // An unclosed [ or { surfaces as an indentation error at the end; say what really happened.
  if (/^Flow sequence/.test(original)) return '方括号“[”没有闭合，或其中的内容缩进不足';
  if (/^Flow mapping/.test(original)) return '花括号“{”没有闭合，或其中的内容缩进不足';
  return (YAML_MESSAGES as Record<string, string | undefined>)[code] ?? `YAML 语法错误（${code}）`;
}
