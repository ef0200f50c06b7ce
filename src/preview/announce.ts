/**
 * After each rebuild: print what happened, and tell the open pages. A page whose HTML changed is
 * told to reload; a content error is printed and shown at the foot of every open page until it is
 * fixed, while the last good site stays served.
 */
import { formatDiagnostic, formatReport } from "../diagnostics/format.ts";
import { forTerminal } from "../text/escape.ts";
import type { LiveReload } from "./live-reload.ts";
import { currentVersion } from "./routes.ts";
import type { PreviewSearchIndex } from "./search-index.ts";
import type { PreviewSite, Rebuild } from "./site.ts";
import type { RebuildListener } from "./rebuild-queue.ts";
import { WarningsShown } from "./warnings-shown.ts";

export interface AnnouncerOptions {
  readonly site: PreviewSite;
  readonly live: LiveReload;
  readonly search: PreviewSearchIndex | undefined;
  /** Named in the content report. */
  readonly contentDir: string;
  readonly log: (line: string) => void;
  readonly report: (text: string) => void;
}

export class Announcer implements RebuildListener {
  readonly #o: AnnouncerOptions;
  /** Whether the open pages show the content's problems. */
  #showingProblems = false;
  #waiting: Array<(r: Rebuild) => void> = [];
  readonly #warnings = new WarningsShown();

  constructor(options: AnnouncerOptions) {
    this.#o = options;
  }

  /** Resolves with the next rebuild. */
  nextRebuild(): Promise<Rebuild> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  rebuilt(r: Rebuild, what: string): void {
    const { log, report, live, contentDir } = this.#o;
    const t = r.timings;
    const took = t.load + t.validate + t.model + t.pages;
    const steps = `load ${t.load.toFixed(2)} s, validate ${t.validate.toFixed(2)} s, model ${t.model.toFixed(2)} s, pages ${t.pages.toFixed(2)} s`;
    const problems = this.#warnings.reportOf(r.diagnostics);
    if (r.diagnostics.length > 0) {
      const color = process.stderr.isTTY;
      report([...problems.shown.map((d) => formatDiagnostic(d, { contentDir, color })), problems.summary].join("\n"));
    }
    if (r.ok) {
      log(`${forTerminal(what)}: built in ${took.toFixed(2)} s (${steps})`);
      this.#siteChanged();
    } else {
      log(`${forTerminal(what)}: the content has errors (listed above); the preview keeps the last good version`);
      const text = formatReport(r.diagnostics);
      for (const c of live.clients) live.send(c, "problems", text);
      this.#showingProblems = true;
    }
    for (const resolve of this.#waiting.splice(0)) resolve(r);
  }

  /** The stylesheet's address carries its hash: a new one means every page changed. */
  restyled(): void {
    this.#o.log("public/ changed");
    this.#siteChanged();
  }

  crashed(e: unknown): void {
    this.#o.log(`rebuild failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }

  /** Tells every open page whose HTML changed to reload, and starts a new search index. */
  #siteChanged(): void {
    const { site, live, search } = this.#o;
    for (const c of live.clients) {
      if (this.#showingProblems) live.send(c, "fixed");
      if (currentVersion(site, c.path) !== c.version) live.send(c, "reload");
    }
    this.#showingProblems = false;
    search?.schedule();
  }
}
