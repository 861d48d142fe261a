/**
 * `workplan serve`: the pages of a plan's document beside its problems, on a local page that
 * follows every save. The pages are LibreOffice's layout of the .docx the build makes (pdftoppm
 * turns them into images), so what the 文秘 sees breaks where the printed page breaks.
 *
 * One warm process: modules and templates load once; a save re-renders only the plans someone is
 * looking at, one render at a time per plan, the latest text always last. The last pages stay on
 * screen while new ones render, and a render that fails says why without taking them away.
 * Bound to 127.0.0.1 and answering only requests addressed to it (a page elsewhere cannot reach it
 * through a rebound DNS name); the page loads nothing from anywhere else.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Diagnostic, sortDiagnostics } from '../diagnostic.js';
import type { TemplateSet } from '../render/render-template.js';
import { convertToPdf, requireSoffice } from '../system/convert-pdf.js';
import { findPdftoppm, PDFTOPPM_MISSING, renderPdfPages } from '../system/pdf-pages.js';
import { UsageError } from '../usage-error.js';
import { buildDocuments } from './build-documents.js';
import { resolveBuildOptions } from './build-options.js';
import { checkPlans } from './check-plans.js';
import { findPlanFiles } from './plan-files.js';
import { publishDocument } from './publish-documents.js';
import { previewPage } from './preview-page.js';

export interface PreviewOptions {
  paths: readonly string[];
  /** 0 (the default) asks the system for a free port. */
  port?: number;
  /** Which document of each plan (build's --doc); the plan's main document when not given. */
  doc?: string;
  /** Each render's outcome, for the terminal. */
  onRender?(shown: string, outcome: string, ms: number): void;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/** What the page is told about one plan (the pages themselves are fetched by URL). */
export interface PreviewState {
  shown: string;
  /** Bumped for every new set of pages; the images' URLs carry it. */
  generation: number;
  pages: number;
  rendering: boolean;
  /** Why the last render gave no pages (the previous pages stay). */
  failure?: string;
  diagnostics: Pick<Diagnostic, 'severity' | 'line' | 'column' | 'message' | 'ruleId'>[];
  renderedAt?: string;
}

interface PlanView {
  file: string;
  state: PreviewState;
  images: Uint8Array[];
  running: boolean;
  again: boolean;
  wanted: boolean;
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  // Missing tools are said now, not on the page after the first save.
  const soffice = requireSoffice();
  if (!findPdftoppm()) throw new UsageError(PDFTOPPM_MISSING);
  const buildOptions = resolveBuildOptions({ to: 'docx', ...(options.doc !== undefined ? { doc: options.doc } : {}) });
  const files = await findPlanFiles(options.paths);
  if (files.length === 0) throw new UsageError(`在 ${options.paths.join('、')} 中没有找到 .yaml 计划文件`);
  const views: PlanView[] = files.map((file) => ({
    file,
    // As check names it, so the problems listed are this file's.
    state: { shown: path.relative(process.cwd(), file) || file, generation: 0, pages: 0, rendering: false, diagnostics: [] },
    images: [],
    running: false,
    again: false,
    wanted: false,
  }));
  const listeners = new Map<PlanView, Set<ServerResponse>>();
  const templateCache = new Map<string, TemplateSet>();

  const tell = (view: PlanView) => {
    const data = `data: ${JSON.stringify(view.state)}\n\n`;
    for (const res of listeners.get(view) ?? []) res.write(data);
  };

  const render = async (view: PlanView): Promise<void> => {
    if (view.running) {
      view.again = true;
      return;
    }
    view.running = true;
    view.state = { ...view.state, rendering: true };
    tell(view);
    const started = performance.now();
    let outcome: string;
    try {
      const { plans, diagnostics } = await checkPlans([view.file]);
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const shownDiagnostics = sortDiagnostics(diagnostics.filter((d) => d.file === view.state.shown)).map(({ severity, line, column, message, ruleId }) => ({
        severity,
        line,
        column,
        message,
        ruleId,
      }));
      view.state = { ...view.state, diagnostics: shownDiagnostics };
      if (errors > 0) throw new UsageError(`计划有 ${errors} 个错误，改正后才能排版；下面仍是上一次的页面`);
      const built = await buildDocuments(plans, buildOptions, { templateCache });
      if (built.diagnostics.length) throw new UsageError(built.diagnostics.map((d) => d.message).join('；'));
      const publication = built.publications[0];
      if (!publication) throw new UsageError('这份计划没有生成文稿');
      const docx = (await publishDocument(publication, 'docx')) as Uint8Array;
      const [pdf] = await convertToPdf([{ shown: view.state.shown, docx }], soffice);
      view.images = await renderPdfPages(pdf!);
      const { failure: _cleared, ...rest } = view.state;
      view.state = { ...rest, generation: view.state.generation + 1, pages: view.images.length, renderedAt: new Date().toISOString() };
      outcome = `已排版 ${view.images.length} 页`;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      view.state = { ...view.state, failure: error instanceof UsageError ? message : `内部错误：${message}` };
      outcome = `排版失败：${message}`;
    }
    view.running = false;
    view.state = { ...view.state, rendering: view.again };
    tell(view);
    options.onRender?.(view.state.shown, outcome, Math.round(performance.now() - started));
    if (view.again) {
      view.again = false;
      await render(view);
    }
  };

  const server = createServer((req, res) => {
    void answer(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`内部错误：${error instanceof Error ? error.message : String(error)}`);
    });
  });

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const port = (server.address() as AddressInfo).port;
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('只回答发往 127.0.0.1 的请求');
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const index = Number(url.searchParams.get('plan') ?? 0);
    const view = Number.isInteger(index) ? views[index] : undefined;
    const security = { 'content-security-policy': "default-src 'self'; img-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'", 'x-content-type-options': 'nosniff' };
    if (url.pathname === '/') {
      if (!view) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('没有这个计划');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...security });
      res.end(previewPage(views.map((v) => v.state.shown), index));
      return;
    }
    if (url.pathname === '/events' && view) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      const set = listeners.get(view) ?? new Set();
      listeners.set(view, set);
      set.add(res);
      req.on('close', () => set.delete(res));
      res.write(`data: ${JSON.stringify(view.state)}\n\n`);
      if (!view.wanted) {
        view.wanted = true;
        void render(view);
      }
      return;
    }
    const page = /^\/pages\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(url.pathname);
    if (page) {
      const target = views[Number(page[1])];
      const image = target && Number(page[2]) === target.state.generation ? target.images[Number(page[3]) - 1] : undefined;
      if (!image) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('这一页已经过时或不存在');
        return;
      }
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=31536000, immutable', ...security });
      res.end(image);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('没有这个地址');
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`端口 ${options.port} 已被占用：换一个 --port，或不写 --port 让系统挑一个空闲端口`) : error),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });

  const { watchPlans } = await import('./watch-plans.js');
  const watcher = await watchPlans(options.paths, async (change) => {
    if (change.templates) templateCache.clear();
    await Promise.all(views.filter((v) => v.wanted).map((v) => render(v)));
  });

  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      watcher.close();
      for (const set of listeners.values()) for (const res of set) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
