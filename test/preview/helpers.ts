/** Shared by the preview tests: a fresh copy of a fixture, a preview on it, polling and event streams. */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startPreview, type PreviewServer, type ServeOptions } from "../../src/preview/server.ts";

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");

export interface RunningPreview {
  readonly server: PreviewServer;
  /** The content folder the preview watches (a copy of the fixture). */
  readonly content: string;
  readonly logs: string[];
  readonly reports: string[];
  /** Absolute URL of a site path: `url("/briefs/x/")`. */
  url(sitePath: string): string;
  get(sitePath: string): Promise<{ status: number; text: string; headers: Headers }>;
  /** Rewrites a content file (relative to the content folder) through `change`. */
  edit(rel: string, change: (text: string) => string): Promise<void>;
  stop(): Promise<void>;
}

export async function previewOf(
  fixture: string,
  options: Partial<Omit<ServeOptions, "contentDir" | "cacheDir">> = {},
): Promise<RunningPreview> {
  const dir = await mkdtemp(path.join(tmpdir(), "briefbook-preview-"));
  const content = path.join(dir, "content");
  await cp(path.join(FIXTURES, fixture), content, { recursive: true });
  const logs: string[] = [];
  const reports: string[] = [];
  let server: PreviewServer;
  try {
    server = await startPreview({
      contentDir: content,
      cacheDir: path.join(dir, "cache"),
      pathPrefix: "/",
      includeDrafts: true,
      port: 0,
      host: "127.0.0.1",
      search: false,
      debounce: 20,
      log: (line) => logs.push(line),
      report: (text) => reports.push(text),
      ...options,
    });
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  const url = (sitePath: string) => server.url + sitePath.replace(/^\//, "");
  return {
    server,
    content,
    logs,
    reports,
    url,
    async get(sitePath) {
      const res = await fetch(url(sitePath), { redirect: "manual" });
      return { status: res.status, text: await res.text(), headers: res.headers };
    },
    async edit(rel, change) {
      const file = path.join(content, rel);
      await writeFile(file, change(await readFile(file, "utf8")));
    },
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns something other than undefined, or fails after `seconds`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  seconds = 10,
): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    const elapsed = (performance.now() - start) / 1000;
    if (value !== undefined) return { value, seconds: elapsed };
    if (elapsed > seconds) throw new Error(`${what}: not within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** An open live-reload stream, as a page's script opens it. */
export interface EventStream {
  /** Every event so far, as `name` or `name: data`. */
  readonly events: string[];
  /** Resolves when an event of that name has arrived (counting from the first), with its data. */
  next(name: string, seconds?: number): Promise<string>;
  close(): void;
}

export async function eventStream(url: string): Promise<EventStream> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal });
  const events: string[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name) events.push(data && data !== '""' ? `${name}: ${JSON.parse(data) as string}` : name);
        }
      }
    } catch {
      // Closed.
    }
  })();
  return {
    events,
    async next(name, seconds = 10) {
      const seen = events.filter((e) => e === name || e.startsWith(`${name}: `)).length;
      const { value } = await eventually(
        `event '${name}'`,
        async () => {
          const all = events.filter((e) => e === name || e.startsWith(`${name}: `));
          return all.length > seen ? all[all.length - 1]!.replace(/^[^:]*(: )?/, "") : undefined;
        },
        seconds,
      );
      return value;
    },
    close: () => abort.abort(),
  };
}

/** The live-reload stream address a served page's script would open. */
export function eventsUrlOf(html: string, origin: string): string {
  const events = /<script data-events="([^"]+)"/.exec(html)?.[1];
  if (!events) throw new Error("the page has no live-reload script");
  return new URL(events.replace(/&amp;/g, "&"), origin).href;
}
