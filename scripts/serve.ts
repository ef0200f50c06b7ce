/**
 * `npm start`: the live preview at http://localhost:8080/, drafts shown (src/preview/server.ts).
 * Pages are rendered on request from the model kept in memory: a content edit re-reads that file,
 * rebuilds the model and reloads the open pages it changed; a stylesheet edit reloads every page;
 * an edit to the code (layouts/, src/) restarts the preview. Nothing is written to _site/.
 *
 * Environment: PORT (8080; 0 picks a free one), HOST (localhost), PATH_PREFIX (/),
 * BRIEFBOOK_CONTENT (content), BRIEFBOOK_DRAFTS=0 (hide drafts), BRIEFBOOK_SEARCH=0 (no search
 * index), BRIEFBOOK_PREVIEW_DIR (.cache/preview: the preview's scratch files and search index).
 *
 * `--no-restart` ignores code edits (the benchmark runs so).
 *
 * SIGINT and SIGTERM stop the preview and every process it started; so does the end of the process
 * that started this one. `npm start` execs node so that npm's signals reach this process (npm
 * passes them to its `sh -c`, which does not pass them on).
 *
 * The slower alternative, Eleventy's own watch and serve over every page: `npx @11ty/eleventy --serve`.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { normalizePathPrefix } from "./cli-args.ts";
import { startPreview } from "../src/preview/server.ts";
import { watchTree } from "../src/preview/watch-tree.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CHILD = "BRIEFBOOK_PREVIEW_CHILD";

/**
 * A rebuild allocates a few hundred MB that die young (validated content, the new model); a larger
 * young generation lets V8 drop most of it without promoting it (about 5-10% off a rebuild at 10k).
 */
const V8_FLAGS = ["--max-semi-space-size=64"];

if (process.env[CHILD]) await serve();
else await supervise(!process.argv.includes("--no-restart"));

/** The preview itself (in the child process). */
async function serve(): Promise<void> {
  const includeDrafts = process.env.BRIEFBOOK_DRAFTS !== "0";
  const preview = await startPreview({
    contentDir: process.env.BRIEFBOOK_CONTENT ?? "content",
    pathPrefix: normalizePathPrefix(process.env.PATH_PREFIX),
    includeDrafts,
    cacheDir: process.env.BRIEFBOOK_PREVIEW_DIR ?? ".cache/preview",
    port: Number(process.env.PORT ?? 8080),
    ...(process.env.HOST ? { host: process.env.HOST } : {}),
    search: process.env.BRIEFBOOK_SEARCH !== "0",
  });
  console.log(`Preview at ${preview.url}${includeDrafts ? " (drafts shown)" : ""}; Ctrl+C stops it.`);
  const stop = () => void preview.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  // The supervisor went away: so does the preview.
  process.once("disconnect", stop);
}

/** Runs the preview in a child process and, if asked, starts a fresh one whenever the code changes. */
async function supervise(restartOnCodeEdits: boolean): Promise<void> {
  let child: ChildProcess | undefined;
  let stopping = false;
  const start = () => {
    child = fork(fileURLToPath(import.meta.url), [], {
      execArgv: [...process.execArgv, ...V8_FLAGS],
      env: { ...process.env, [CHILD]: "1" },
      stdio: "inherit",
    });
    child.on("exit", (code, signal) => {
      child = undefined;
      if (stopping || restarting) return;
      if (!restartOnCodeEdits) process.exit(code ?? 1);
      console.error(
        `The preview stopped (${signal ?? `exit code ${code}`}); save a file under src/ or layouts/ to restart it.`,
      );
    });
  };
  let restarting = false;
  let timer: NodeJS.Timeout | undefined;
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      console.log("The code changed: restarting the preview.");
      restarting = true;
      const old = child;
      if (!old) return void ((restarting = false), start());
      old.once("exit", () => {
        restarting = false;
        start();
      });
      old.kill("SIGTERM");
    }, 100);
  };
  if (restartOnCodeEdits)
    for (const dir of ["src", "layouts"])
      await watchTree(path.join(ROOT, dir), (file) => file.endsWith(".ts") && restart());
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (!child) process.exit(0);
    child.once("exit", () => process.exit(0));
    child.kill("SIGTERM");
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  // Whatever started us (npm, a terminal) ended without a signal, say killed: stop with it rather
  // than serve on as an orphan. A process whose parent ends gets a new parent.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop(), 500).unref();
  start();
}
