import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";

/** A build that stopped on a bug of ours, told as one diagnostic; the trace only under BRIEFBOOK_DEBUG=1. */
export function unexpectedFailure(e: unknown): Diagnostic {
  if (process.env.BRIEFBOOK_DEBUG) console.error(e);
  return error({
    file: "build",
    message: `the build failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
    hint: "this is a bug in Briefbook, not in your content; run with BRIEFBOOK_DEBUG=1 for details and report it",
  });
}
