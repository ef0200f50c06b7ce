/**
 * A build's output, from the orchestrator's side: where `--out` may be, and a build written
 * beside it that replaces it only when it succeeded, in one step (src/publish/output-folder.ts).
 */
import { homedir } from "node:os";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { REPOSITORY_DIR } from "../repository.ts";
import { refusalOf, type OutputPlace } from "./guard.ts";
import { openOutput } from "./output-folder.ts";

interface OutputRequest {
  readonly outDir: string;
  readonly contentDir: string;
}

/** Where a build into `outDir` would write, for the guard: `--out` may not be any of the others. */
const outputPlaceOf = (req: OutputRequest): OutputPlace => ({
  outDir: req.outDir,
  contentDir: req.contentDir,
  repository: REPOSITORY_DIR,
  home: homedir(),
});

/** Refuses an `--out` the build may not replace (the content folder, the repository, `/`, …), before any work. */
export const outputRefusal = (req: OutputRequest): Diagnostic | undefined => refusalOf(outputPlaceOf(req));

/** Why nothing was built: `--out` names a folder it may not replace, or another build holds it. */
export interface Refused {
  readonly refusal: Diagnostic;
  readonly reason: "place" | "busy";
}

/**
 * Runs `build` into a fresh staging folder beside the output and publishes that folder when the
 * build says it is ok; the output is left as it was otherwise, or when `build` throws.
 */
export async function publishWhenBuilt<Built extends { readonly ok: boolean }>(
  req: OutputRequest,
  build: (staging: string) => Promise<Built>,
): Promise<Built | Refused> {
  const opened = await openOutput(outputPlaceOf(req)).catch((e: unknown) => ({
    refused: error({
      file: "--out",
      message: `cannot prepare the output folder: ${e instanceof Error ? e.message : String(e)}`,
      hint: `check that you may write to the folder holding '${req.outDir}'`,
    }),
    reason: "place" as const,
  }));
  if ("refused" in opened) return { refusal: opened.refused, reason: opened.reason };
  const { output } = opened;
  try {
    const built = await build(output.staging);
    if (built.ok) await output.publish();
    return built;
  } finally {
    // What close cannot remove (a render process still writing) the next build removes.
    await output.close().catch(() => undefined);
  }
}
