import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { ProcessTreeMemory } from "./process-tree-memory.ts";

export interface MeasuredRun {
  /** The command line, for the log. */
  readonly command: string;
  readonly ok: boolean;
  readonly exitCode: number | null;
  /** Wall-clock seconds from spawn to exit. */
  readonly seconds: number;
  /** Peak RSS of the whole process tree, in MiB. */
  readonly peakRssMib: number;
  /** Lines of standard output that start with `keepPrefix` (the rest goes to the log only). */
  readonly keptLines: readonly string[];
  /** The end of standard error, to show why a run failed. */
  readonly stderrTail: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Full standard output and error are appended here. */
  readonly logFile: string;
  readonly keepPrefix?: string;
}

const MIB = 1024 * 1024;
const TAIL_BYTES = 4000;

/** Runs one command to completion, timing it and sampling its process tree's memory. */
export function runMeasured(file: string, args: readonly string[], options: RunOptions): Promise<MeasuredRun> {
  const command = [file, ...args].join(" ");
  const log = createWriteStream(options.logFile, { flags: "a" });
  log.write(`\n$ ${command}\n`);
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const memory = child.pid === undefined ? undefined : new ProcessTreeMemory(child.pid);
    const kept: string[] = [];
    let partial = "";
    let stderrTail = "";
    child.stdout.on("data", (chunk: Buffer) => {
      log.write(chunk);
      if (!options.keepPrefix) return;
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop()!;
      for (const line of lines) if (line.startsWith(options.keepPrefix)) kept.push(line);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      log.write(chunk);
      stderrTail = (stderrTail + chunk.toString("utf8")).slice(-TAIL_BYTES);
    });
    let done = false;
    const finish = (exitCode: number | null, error?: Error) => {
      if (done) return;
      done = true;
      const seconds = (performance.now() - started) / 1000;
      const peak = memory?.stop() ?? 0;
      if (options.keepPrefix && partial.startsWith(options.keepPrefix)) kept.push(partial);
      if (error) stderrTail += `\n${error.message}`;
      log.end(`\n[exit ${exitCode ?? "none"} after ${seconds.toFixed(2)} s, peak ${(peak / MIB).toFixed(0)} MiB]\n`);
      resolve({ command, ok: exitCode === 0, exitCode, seconds, peakRssMib: peak / MIB, keptLines: kept, stderrTail });
    };
    child.on("error", (e) => finish(null, e));
    child.on("close", (code) => finish(code));
  });
}
