/**
 * Stopping the preview the way a user does: `npm start` (and the script run directly with node)
 * gets SIGTERM or SIGINT, and every process it started (the supervisor, the preview, the search
 * index's process) is gone and the port no longer answers. `npm start` used to leave the server
 * running: npm passed the signal to its `sh -c`, which died (SIGTERM) or ignored it (SIGINT)
 * without passing it on. Killing npm outright (SIGKILL) must not leave an orphan either.
 */
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { eventually } from "./helpers.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The processes of a process group, as `ps` lists them. */
function processesIn(group: number): string[] {
  try {
    return execFileSync("ps", ["-o", "pid=,args=", "-g", String(group)], { encoding: "utf8" })
      .split("\n")
      .filter((l) => l.trim() !== "");
  } catch {
    return []; // ps exits 1 when the group is empty
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

const COMMANDS: Record<string, [string, string[]]> = {
  "npm start": ["npm", ["start"]],
  "node --import tsx scripts/serve.ts": [process.execPath, ["--import", "tsx", "scripts/serve.ts"]],
};

describe("the preview stops with everything it started", () => {
  for (const [name, [command, args]] of Object.entries(COMMANDS)) {
    for (const signal of ["SIGTERM", "SIGINT", "SIGKILL"] as const) {
      // SIGKILL cannot be passed on: what npm or the script started must notice on its own.
      if (signal === "SIGKILL" && name !== "npm start") continue;
      test(`${name}, then ${signal}`, async () => {
        const cache = await mkdtemp(path.join(tmpdir(), "briefbook-lifecycle-"));
        // A process group of its own, so that everything it starts can be listed (and, if the test fails, ended).
        const child = spawn(command, args, {
          cwd: ROOT,
          detached: true,
          stdio: ["ignore", "pipe", "pipe"],
          env: {
            ...process.env,
            PORT: "0",
            BRIEFBOOK_CONTENT: "test/fixtures/valid-minimal",
            BRIEFBOOK_PREVIEW_DIR: cache,
          },
        });
        const group = child.pid!;
        let output = "";
        child.stdout.on("data", (d: Buffer) => (output += d.toString()));
        child.stderr.on("data", (d: Buffer) => (output += d.toString()));
        try {
          const { value: url } = await eventually(
            "the 'Preview at' line",
            async () => /Preview at (\S+)/.exec(output)?.[1],
            60,
          );
          // Long enough for the search index's process to start (the site settles for a second).
          await new Promise((r) => setTimeout(r, 1500));
          assert.equal(await answers(url), true);
          child.kill(signal);
          const { seconds } = await eventually(
            "every process gone",
            async () => (processesIn(group).length === 0 ? true : undefined),
            15,
          ).catch((e: Error) =>
            assert.fail(`${e.message}; still running:\n${processesIn(group).join("\n")}\n${output}`),
          );
          assert.equal(await answers(url), false, "the port still answers");
          assert.ok(seconds < 15);
        } finally {
          if (processesIn(group).length > 0) process.kill(-group, "SIGKILL");
          await rm(cache, { recursive: true, force: true });
        }
      });
    }
  }
});
