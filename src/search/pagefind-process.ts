/**
 * One Pagefind indexer process, spoken to over its service protocol (base64 JSON messages ending
 * in `,`, the protocol of the `pagefind` package's own client, pinned at 1.5.2).
 *
 * Not that client, because of how Pagefind fails: it lets the binary's stderr through to ours, so
 * a panic printed a Rust backtrace in the middle of the build's report, and it never settles a
 * request whose answer died with the process, so the build's last promise never settled and Node
 * ended it with exit code 13 and no message. Here the process's death rejects every request
 * waiting on it with a `PagefindStopped` that says why, and its stderr is kept for that message.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createRequire } from "node:module";
import { arch } from "node:os";

/** Why Pagefind stopped, in words for a diagnostic. */
export class PagefindStopped extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** What Pagefind answered: its payload, or the error it reported for that request. */
type Payload = { readonly type: string } & Record<string, unknown>;
interface Waiting {
  resolve(payload: Payload): void;
  reject(e: Error): void;
}

/** Enough of Pagefind's stderr to find the panic message, whatever else it printed. */
const STDERR_KEPT = 64 * 1024;

/** The binary the `pagefind` package installed for this platform (or PAGEFIND_BINARY_PATH, as it honours). */
function pagefindBinary(): string {
  const fromEnv = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (fromEnv) return fromEnv;
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const exe = platform === "windows" ? ".exe" : "";
  // Resolved from the pagefind package, whose optional dependency the platform package is.
  const require = createRequire(import.meta.resolve("pagefind"));
  for (const name of ["pagefind_extended", "pagefind"]) {
    try {
      return require.resolve(`@pagefind/${platform}-${arch()}/bin/${name}${exe}`);
    } catch {
      // Try the next name.
    }
  }
  throw new PagefindStopped(
    `Pagefind's program for ${platform}-${arch()} is not installed`,
    "run npm ci again; if it persists, this platform may not be supported by Pagefind",
  );
}

export class PagefindProcess {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #waiting = new Map<number, Waiting>();
  #nextId = 0;
  #incoming = "";
  #stderr = "";
  #stopped: PagefindStopped | undefined;

  /** Starts the indexer; `env` adds to this process's environment, for the child only. */
  constructor(env: Record<string, string> = {}) {
    this.#child = spawn(pagefindBinary(), ["--service"], {
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true,
    });
    this.#child.stdout.on("data", (chunk: Buffer) => this.#receive(chunk.toString()));
    this.#child.stderr.on("data", (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-STDERR_KEPT);
    });
    // A write to a process that has died fails here; its exit says why.
    this.#child.stdin.on("error", () => {});
    const notStarted = "run npm ci to install Pagefind again (or correct PAGEFIND_BINARY_PATH if you set it)";
    this.#child.on("error", (e) =>
      this.#stop(new PagefindStopped(`Pagefind could not start: ${e.message}`, notStarted)),
    );
    this.#child.on("close", (code, signal) => this.#stop(stoppedBecause(code, signal, this.#stderr)));
  }

  /** Sends one request; resolves with Pagefind's answer, rejects with `PagefindStopped` if it dies first. */
  request(payload: Record<string, unknown>): Promise<Payload> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = ++this.#nextId;
    const message = Buffer.from(JSON.stringify({ message_id: id, payload })).toString("base64") + ",";
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#child.stdin.write(message);
    });
  }

  /** Ends the process, and with it the memory holding the index; resolves once it has exited. */
  async close(): Promise<void> {
    // Never started (no pid), or already gone.
    if (this.#child.pid === undefined || this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once("close", resolve));
    this.#stopped ??= new PagefindStopped("Pagefind was closed", HINT_BUG);
    this.#child.kill();
    await exited;
  }

  #receive(text: string): void {
    const parts = (this.#incoming + text).split(",");
    this.#incoming = parts.pop() ?? "";
    for (const part of parts) {
      const { message_id: id, payload } = JSON.parse(Buffer.from(part, "base64").toString()) as {
        message_id?: number;
        payload: Payload;
      };
      const waiting = id === undefined ? undefined : this.#waiting.get(id);
      if (!waiting) continue;
      this.#waiting.delete(id!);
      waiting.resolve(payload);
    }
  }

  #stop(reason: PagefindStopped): void {
    this.#stopped ??= reason;
    for (const waiting of this.#waiting.values()) waiting.reject(this.#stopped);
    this.#waiting.clear();
  }
}

const HINT_BUG =
  "this is a bug in Briefbook or Pagefind, not in your content; run with BRIEFBOOK_DEBUG=1 to see Pagefind's own output, and report it";

/** The message for Pagefind's death: its panic's first line, or the signal that ended it. */
function stoppedBecause(code: number | null, signal: NodeJS.Signals | null, stderr: string): PagefindStopped {
  if (process.env.BRIEFBOOK_DEBUG && stderr) console.error(stderr);
  if (signal === "SIGKILL")
    return new PagefindStopped(
      "Pagefind was killed (SIGKILL) while indexing: the machine may have run out of memory",
      "free some memory, or index in smaller bundles with BRIEFBOOK_SEARCH_BUNDLE_PAGES=2000",
    );
  if (signal) return new PagefindStopped(`Pagefind was stopped by ${signal} while indexing`, "run the build again");
  // Rust's panic message: "thread 'main' (…) panicked at src/x.rs:1:2:\n<what went wrong>".
  const panic = /panicked at [^\n]*\n([^\n]*)/.exec(stderr)?.[1]?.slice(0, 200);
  const why = panic ? `crashed: ${panic}` : `stopped with exit code ${code}`;
  return new PagefindStopped(`Pagefind ${why}`, HINT_BUG);
}
