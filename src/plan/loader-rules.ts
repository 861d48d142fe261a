/** Rule ids of the problems the loader reports, with their descriptions (for SARIF and docs). */
export const LOADER_RULES: Record<string, string> = {
  'file-too-large': '文件超过 5 MB',
  'file-encoding': '文件不是 UTF-8 编码',
  'file-empty': '文件是空的',
  'yaml-syntax': 'YAML 语法错误',
  'yaml-duplicate-key': '同一层级里重复的键',
  'yaml-tab-indent': '用制表符缩进',
  'yaml-alias-limit': '别名展开次数过多（别名炸弹）',
  'schema-root': '顶层不是“键: 值”映射',
  'schema-required': '缺少必填的键',
  'schema-unknown-key': '未知的键',
  'schema-type': '值的类型不对',
  'schema-value': '值无效（日期、枚举、时限等）',
  'schema-empty': '需要文字的地方是空的',
  'speech-missing': '计划没有 speech 块，无法生成汇报发言',
  'speech-empty': '没有可汇报的内容',
  'document-kind': '文件类型不能生成所要的文稿',
};
