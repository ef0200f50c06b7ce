import type { Stage, StageReport, Timings } from "./stages.ts";

interface TimedStage<T> {
  readonly stage: Stage;
  /** Where the stage's seconds are kept for the build's result. */
  readonly timings: Timings;
  readonly onStage?: ((report: StageReport) => void) | undefined;
  /** What the stage did, for a person watching the build: "120 files". */
  readonly summary: (result: T) => string;
}

/** Runs one stage, records its seconds and tells the watcher what it did. */
export async function timed<T>(how: TimedStage<T>, run: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const result = await run();
  const seconds = (performance.now() - start) / 1000;
  how.timings[how.stage] = seconds;
  how.onStage?.({ stage: how.stage, seconds, summary: how.summary(result) });
  return result;
}
