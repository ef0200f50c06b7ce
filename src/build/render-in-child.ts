/**
 * The build's render process, seen from the build: load → validate → model → render run in a
 * child (src/build/render-process.ts), and only facts the later stages need cross back.
 */
import { fork } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RenderedSite, SiteOptions, StageReport } from "./stages.ts";

export interface RenderProcessRequest {
  readonly opts: Omit<SiteOptions, "onStage">;
  readonly staging: string;
}
export type RenderProcessMessage =
  { readonly type: "stage"; readonly report: StageReport } | { readonly type: "done"; readonly result: RenderedSite };

// A URL, not import.meta.dirname, which Node 20 has only from 20.11.
const RENDER_PROCESS = fileURLToPath(new URL("render-process.ts", import.meta.url));
const TSX_LOADER = import.meta.resolve("tsx");

/**
 * Runs renderSite in a child process. The model and Eleventy's garbage (~1.8 GB of heap at
 * 20,000 documents if V8 is left alone) live and die there, so Pagefind starts next to a
 * small process. The child's heap is capped in proportion to the content, which makes V8
 * collect garbage instead of growing.
 */
export function renderInChildProcess(opts: SiteOptions, staging: string): Promise<RenderedSite> {
  const heapMiB = renderHeapMiB(opts.contentDir);
  return new Promise((resolvePromise, reject) => {
    const child = fork(RENDER_PROCESS, [], {
      execArgv: ["--import", TSX_LOADER, `--max-old-space-size=${heapMiB}`],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: RenderedSite | undefined;
    child.on("message", (m: RenderProcessMessage) => {
      if (m.type === "stage") opts.onStage?.(m.report);
      else result = m.result;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (result) return resolvePromise(result);
      reject(
        new Error(
          `the render process stopped (${signal ?? `exit code ${code}`}) with a ${heapMiB} MiB heap; ` +
            `if it ran out of memory, set BRIEFBOOK_RENDER_HEAP_MB higher`,
        ),
      );
    });
    const { onStage: _onStage, ...plain } = opts;
    child.send({ opts: plain, staging } satisfies RenderProcessRequest);
  });
}

/**
 * The model takes ~2.3x the content's size on the heap (253 MB for 110 MB at 20,000 documents),
 * and validation's fact-check another ~3x while it reads every cited paragraph (+213 MB RSS for
 * `npm run check` at 10,000 briefs): room for both, one slice of Eleventy's pages and some garbage.
 * Overridable for unusual content.
 */
function renderHeapMiB(contentDir: string): number {
  const fromEnv = Number(process.env.BRIEFBOOK_RENDER_HEAP_MB);
  if (fromEnv > 0) return fromEnv;
  let bytes = 0;
  for (const entry of readdirSync(contentDir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  return Math.round(384 + (6 * bytes) / 2 ** 20);
}
