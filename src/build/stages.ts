/**
 * The stages of a build and what passes between the orchestrator (src/pipeline.ts), the render
 * process and the scripts that start a build.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { SiteModel } from "../model/types.ts";
import type { SearchSorts } from "../render/search-sorts.ts";

export const STAGES = ["load", "validate", "model", "render", "index", "check"] as const;
export type Stage = (typeof STAGES)[number];
export type Timings = Partial<Record<Stage, number>>;

export interface StageReport {
  readonly stage: Stage;
  readonly seconds: number;
  /** What the stage did, for a person watching the build: "120 files". */
  readonly summary: string;
}

export interface SiteOptions {
  readonly contentDir: string;
  /** `/` or `/some-repo/` (normalised by `normalizePathPrefix`, scripts/cli-args.ts). */
  readonly pathPrefix: string;
  readonly includeDrafts: boolean;
  /** The site's public address, over site.yaml's `url` (BRIEFBOOK_URL; src/validate/site-url.ts). */
  readonly siteUrl?: string;
  readonly onStage?: (report: StageReport) => void;
}

export interface BuildOptions extends SiteOptions {
  readonly outDir: string;
  /** Skip Pagefind (tests of rendering alone). */
  readonly index?: boolean;
}

export interface BuildResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: Timings;
  readonly pages: number;
  /** Set when the build did no work: `--out` names a folder it may not replace, or another build holds it. */
  readonly refused?: "place" | "busy";
}

export interface PreparedSite {
  readonly model?: SiteModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: Timings;
}

/** What the render process reports back: the model stays there, only facts the later stages need cross over. */
export interface RenderedSite {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: Timings;
  readonly pages: number;
  /** Briefs, articles and actors: the pages Pagefind must index. */
  readonly indexedPages: number;
  readonly language: string;
  /** Output file (`briefs/x/index.html`) → the content file it is made from, to name in later problems. */
  readonly pageSources: Readonly<Record<string, string>>;
  /** Each searchable page's sort values by URL, which the index stage's merge needs. */
  readonly searchSorts: SearchSorts;
}
