/**
 * The one page `workplan serve` shows: the document's pages in a column, the plan's problems
 * beside them, kept current by server-sent events. Everything is in the page itself (no remote
 * script, font or style); new pages replace the old ones only once all of them have loaded, so
 * the screen never goes blank during a render.
 */
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function previewPage(plans: readonly string[], current: number): string {
  const options = plans.map((p, i) => `<option value="${i}"${i === current ? ' selected' : ''}>${escapeHtml(p)}</option>`).join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>预览：${escapeHtml(plans[current] ?? '')}</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #e8e8e8; color: #222; }
  header { position: sticky; top: 0; z-index: 1; display: flex; gap: 1em; align-items: center; padding: .5em 1em; background: #fff; border-bottom: 1px solid #ccc; }
  #status { color: #555; }
  #status.failed { color: #b00020; font-weight: bold; }
  #status.rendering { color: #8a6d00; }
  main { display: flex; gap: 1em; padding: 1em; align-items: flex-start; }
  #pages { flex: 1; display: flex; flex-direction: column; align-items: center; gap: 1em; }
  #pages img { max-width: 100%; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
  aside { width: 26em; position: sticky; top: 3.5em; max-height: calc(100vh - 5em); overflow: auto; background: #fff; padding: .5em 1em; border: 1px solid #ccc; }
  aside h2 { font-size: 1em; margin: .3em 0; }
  #problems { padding-left: 1.2em; margin: 0; }
  #problems li { margin: .4em 0; }
  #problems .error { color: #b00020; }
  #problems .warning { color: #8a6d00; }
  #problems code { color: #666; font-size: .85em; }
</style>
</head>
<body>
<header>
  <select id="plan" aria-label="计划">${options}</select>
  <span id="status" role="status">正在排版……</span>
</header>
<main>
  <section id="pages" aria-label="页面" data-generation="0"></section>
  <aside><h2 id="problems-title">问题</h2><ol id="problems"></ol></aside>
</main>
<script>
  const plan = ${current};
  const pages = document.getElementById('pages');
  const status = document.getElementById('status');
  const problems = document.getElementById('problems');
  const title = document.getElementById('problems-title');
  document.getElementById('plan').addEventListener('change', (event) => { location.search = '?plan=' + event.target.value; });
  let showing = 0;
  let latest = null;
  function say(text, kind) { status.textContent = text; status.className = kind || ''; }
  function describe(state) {
    if (state.rendering) return say(state.pages ? '正在重新排版……（显示的是上一次的页面）' : '正在排版……', 'rendering');
    if (state.failure) return say('排版失败：' + state.failure, 'failed');
    const time = state.renderedAt ? new Date(state.renderedAt).toLocaleTimeString('zh-CN') : '';
    say('共 ' + state.pages + ' 页，' + time + ' 排版');
  }
  function listProblems(state) {
    problems.replaceChildren(...state.diagnostics.map((d) => {
      const li = document.createElement('li');
      li.className = d.severity;
      li.textContent = d.line + ':' + d.column + ' ' + (d.severity === 'error' ? '错误' : '警告') + ' ' + d.message + ' ';
      const code = document.createElement('code');
      code.textContent = d.ruleId;
      li.append(code);
      return li;
    }));
    title.textContent = state.diagnostics.length ? '问题（' + state.diagnostics.length + '）' : '没有发现问题';
  }
  function showPages(state) {
    if (state.generation === showing || state.pages === 0) return;
    const generation = state.generation;
    const images = Array.from({ length: state.pages }, (_, i) => {
      const img = new Image();
      img.alt = '第 ' + (i + 1) + ' 页';
      img.src = '/pages/' + plan + '/' + generation + '/' + (i + 1) + '.png';
      return img;
    });
    Promise.all(images.map((img) => img.decode().catch(() => undefined))).then(() => {
      // A newer set may have arrived while these loaded: only the newest is put on screen.
      if (!latest || latest.generation !== generation) return;
      pages.replaceChildren(...images);
      pages.dataset.generation = String(generation);
      showing = generation;
    });
  }
  const events = new EventSource('/events?plan=' + plan);
  events.onmessage = (event) => {
    latest = JSON.parse(event.data);
    describe(latest);
    listProblems(latest);
    showPages(latest);
  };
  events.onerror = () => say('与 workplan serve 的连接断开了：它还在运行吗？', 'failed');
</script>
</body>
</html>
`;
}
