/**
 * How long an editor waits in the preview (issue #5): from writing an edited brief to `npm start`
 * serving the updated brief page, and the page of the actor the edit added to it.
 *
 * `measurePreviewEdit(corpus)` copies the corpus to a temp folder, starts `scripts/serve.ts` on it
 * as a child process (search index on, as `npm start` runs), waits until it serves and its first
 * search index is written, then edits the newest brief several times, 5 s apart (a new title, one
 * more actor), and polls over HTTP until both pages show the new title. The search index of one
 * edit may still be running in the background during the next, as in use. It returns the median.
 *
 * Standalone: `npx tsx bench/preview-edit.ts CORPUS_DIR [RUNS]` prints each run and the medians.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SERVE = path.join(ROOT, "scripts", "serve.ts");
const TSX_LOADER = import.meta.resolve("tsx");

export interface PreviewEditOptions {
  /** Edits measured, one after the other on the same server (default 3). */
  readonly runs?: number;
  /** Give up on a page after this many seconds (default 60). */
  readonly timeout?: number;
  /** Called with each run's figures and with the server's output lines. */
  readonly log?: (line: string) => void;
}

export interface PreviewEditResult {
  /** Seconds from writing the file to the preview serving the updated brief page (median of runs). */
  readonly brief_s: number;
  /** The same, for the page of the actor the edit added to the brief. */
  readonly actor_s: number;
}

export async function measurePreviewEdit(
  corpusDir: string,
  options: PreviewEditOptions = {},
): Promise<PreviewEditResult> {
  const runs = options.runs ?? 3;
  const timeout = (options.timeout ?? 60) * 1000;
  const log = options.log ?? (() => {});
  const work = await mkdtemp(path.join(tmpdir(), "briefbook-preview-edit-"));
  const content = path.join(work, "content");
  let server: ChildProcess | undefined;
  try {
    await cp(corpusDir, content, { recursive: true });
    const brief = await newestBrief(content);
    const actors = await actorIds(content);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const output: string[] = [];
    server = spawn(process.execPath, ["--import", TSX_LOADER, SERVE, "--no-restart"], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        PATH_PREFIX: "/",
        BRIEFBOOK_CONTENT: content,
        BRIEFBOOK_PREVIEW_DIR: path.join(work, "preview"),
        BRIEFBOOK_DRAFTS: "1",
        BRIEFBOOK_SEARCH: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so that stopping it stops the preview it supervises and its indexer too.
      detached: true,
    });
    const exited = new Promise<never>((_, reject) =>
      server!.once("exit", (code) =>
        reject(new Error(`the preview stopped (exit code ${code}):\n${output.slice(-20).join("\n")}`)),
      ),
    );
    exited.catch(() => {});
    let indexed = 0;
    for (const stream of [server.stdout!, server.stderr!])
      stream.setEncoding("utf8").on("data", (chunk: string) => {
        for (const line of chunk.split("\n").filter(Boolean)) {
          output.push(line);
          log(`  preview: ${line}`);
          if (line.startsWith("search index updated")) indexed++;
        }
      });
    const searchIndexed = async (count: number) => {
      const deadline = Date.now() + 10 * timeout;
      while (indexed < count && Date.now() < deadline) await sleep(200);
    };

    await Promise.race([exited, until(`${origin}/`, () => true, 10 * timeout)]);
    // Measure on a settled preview: its first search index is written.
    await Promise.race([exited, searchIndexed(1)]);

    const briefUrl = `${origin}/briefs/${brief.id}/`;
    const results: PreviewEditResult[] = [];
    let text = await readFile(brief.file, "utf8");
    for (let run = 1; run <= runs; run++) {
      const listed = new Set(Array.from(text.matchAll(/^\s*-?\s*id:\s*(\S+)\s*$/gm), (m) => m[1]!));
      const actor = actors.find((a) => !listed.has(a));
      if (!actor) throw new Error(`no actor left to add to ${brief.file}`);
      const title = `Edited for the preview benchmark, run ${run} ${Date.now().toString(36)}`;
      text = edit(text, title, actor);
      const started = performance.now();
      await writeFile(brief.file, text);
      const shows = (html: string) => html.includes(title);
      const seconds = async (url: string) => {
        await Promise.race([exited, until(url, shows, timeout)]);
        return (performance.now() - started) / 1000;
      };
      const [brief_s, actor_s] = await Promise.all([seconds(briefUrl), seconds(`${origin}/actors/${actor}/`)]);
      results.push({ brief_s, actor_s });
      log(`run ${run}: brief ${brief_s.toFixed(2)} s, actor ${actor_s.toFixed(2)} s`);
      // A pause before the next edit; the search index of this one may still be running, as in use.
      if (run < runs) await sleep(PAUSE_MS);
    }
    return {
      brief_s: median(results.map((r) => r.brief_s)),
      actor_s: median(results.map((r) => r.actor_s)),
    };
  } finally {
    if (server) await stop(server);
    await rm(work, { recursive: true, force: true });
  }
}

/** The brief with the latest date: first among its actors' briefs, so its actor page shows it. */
async function newestBrief(content: string): Promise<{ id: string; file: string }> {
  const dir = path.join(content, "briefs");
  let best: { id: string; file: string; date: string } | undefined;
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".md")).sort()) {
    const file = path.join(dir, name);
    const date = /^date:\s*["']?([0-9-]+)/m.exec(await readFile(file, "utf8"))?.[1] ?? "";
    if (!best || date > best.date) best = { id: name.slice(0, -3), file, date };
  }
  if (!best) throw new Error(`no briefs in ${dir}`);
  return best;
}

async function actorIds(content: string): Promise<string[]> {
  return (await readdir(path.join(content, "actors")))
    .filter((n) => /\.ya?ml$/.test(n))
    .map((n) => n.replace(/\.ya?ml$/, ""))
    .sort();
}

/** The brief with a new title and one more actor. */
function edit(text: string, title: string, actor: string): string {
  const entry = `  - id: ${actor}\n    role: added by the preview benchmark\n`;
  const retitled = text.replace(/^title:.*$/m, `title: ${title}`);
  if (/^actors:\s*$/m.test(retitled)) return retitled.replace(/^actors:\s*\n/m, (m) => m + entry);
  if (/^actors:\s*\[\]\s*$/m.test(retitled)) return retitled.replace(/^actors:\s*\[\]\s*$/m, `actors:\n${entry}`);
  return retitled.replace(/^title:.*$/m, (m) => `${m}\nactors:\n${entry.trimEnd()}`);
}

/** Polls `url` until its body passes `ok`. */
async function until(url: string, ok: (body: string) => boolean, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok && ok(await res.text())) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not show the edit within ${timeout / 1000} s`);
    await sleep(20);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  group("SIGTERM");
  const killed = setTimeout(() => group("SIGKILL"), 10_000);
  await exited;
  clearTimeout(killed);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Between two measured edits. */
const PAUSE_MS = 5000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [corpus, runs] = process.argv.slice(2);
  if (!corpus) throw new Error("usage: tsx bench/preview-edit.ts CORPUS_DIR [RUNS]");
  const result = await measurePreviewEdit(corpus, { runs: Number(runs ?? 3), log: console.log });
  console.log(JSON.stringify(result));
}
