/** commander writes its usage errors in English; users of this tool read Chinese. */
const PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^error: unknown option '([^']+)'(?:\n\(Did you mean (.+)\?\))?/, (m) => `未知的选项“${m[1]}”${m[2] ? `，是否应为 ${m[2]}？` : ''}`],
  [/^error: unknown command '([^']+)'(?:\n\(Did you mean (.+)\?\))?/, (m) => `未知的命令“${m[1]}”${m[2] ? `，是否应为 ${m[2]}？` : ''}`],
  [/^error: missing required argument '([^']+)'/, (m) => `缺少参数 ${m[1]}`],
  [/^error: option '([^']+)' argument missing/, (m) => `选项 ${m[1]} 需要一个值`],
  [
    /^error: option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\./,
    (m) => `选项 ${m[1]} 的值“${m[2]}”无效，可用：${m[3]}`,
  ],
  [/^error: too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\./, (m) => `参数过多：应为 ${m[2]} 个，实际 ${m[3]} 个`],
];

export function translateCommanderMessage(message: string): string {
  for (const [pattern, render] of PATTERNS) {
    const m = message.match(pattern);
    if (m) return `${render(m)}\n（运行 workplan --help 查看用法）\n`;
  }
  return message.replace(/^error: /, '');
}
