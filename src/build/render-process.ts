/**
 * The render process: load → validate → model → render for one build, started by buildSite
 * (src/pipeline.ts, through render-in-child.ts) so that the model's memory is returned to the
 * system before indexing.
 */
import { renderSite } from "../pipeline.ts";
import type { RenderedSite } from "./stages.ts";
import type { RenderProcessMessage, RenderProcessRequest } from "./render-in-child.ts";
import { unexpectedFailure } from "./unexpected.ts";

const send = (m: RenderProcessMessage) => new Promise<void>((done) => process.send!(m, () => done()));

async function run({ opts, staging }: RenderProcessRequest): Promise<void> {
  const stages: Promise<void>[] = [];
  let result: RenderedSite;
  try {
    result = await renderSite({ ...opts, onStage: (report) => stages.push(send({ type: "stage", report })) }, staging);
  } catch (e) {
    result = {
      ok: false,
      diagnostics: [unexpectedFailure(e)],
      timings: {},
      pages: 0,
      indexedPages: 0,
      language: "",
      pageSources: {},
      searchSorts: {},
    };
  }
  await Promise.all(stages);
  await send({ type: "done", result });
}

/**
 * A build that is killed leaves this process behind; once its parent is gone (the IPC channel
 * closes) it stops, rather than rendering on into a staging folder the next build removes.
 */
const stopWhenOrphaned = () => process.exit(1);
process.once("disconnect", stopWhenOrphaned);
process.once(
  "message",
  (request: RenderProcessRequest) =>
    void run(request).then(() => {
      process.off("disconnect", stopWhenOrphaned);
      process.disconnect();
    }),
);
