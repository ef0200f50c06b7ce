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
 * Room for the larger of two peaks of live heap (measured with --trace-gc):
 * - render: one Eleventy slice of 2,500 pages (~300 MiB) beside the model (~3x the content) and
 *   the loaded code. ~570-600 MiB at N = 10,000 (74 MiB of content): that build ran out of memory
 *   with a 600 MiB heap and ran with 700 (resident set 791-829 MiB, against 930 with 384 + 6x);
 * - model: the model built beside the validated content, ~5.3x the content. At N = 50,000 (367 MiB)
 *   it reached 1,942 MiB and finished with a 2,192 MiB heap; the render then needs ~1.5 GiB.
 * A smaller heap makes V8 collect garbage instead of growing. Overridable for unusual content.
 */
function renderHeapMiB(contentDir: string): number {
  const fromEnv = Number(process.env.BRIEFBOOK_RENDER_HEAP_MB);
  if (fromEnv > 0) return fromEnv;
  let bytes = 0;
  for (const entry of readdirSync(contentDir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  const contentMiB = bytes / 2 ** 20;
  return Math.round(Math.max(448 + 3.5 * contentMiB, 6 * contentMiB));
}
