/**
 * The preview's site: the last good model and its page list, rebuilt after each content edit.
 * Pages are rendered only when a browser asks for one (`render`), so a rebuild costs load (only the
 * changed files), validate and model (reusing every unchanged document's Markdown), not 23,000
 * page writes. When an edit breaks the content, the last good site stays.
 */
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { validateContent, validationCache } from "../validate/validate.ts";
import { buildModel, modelCache } from "../model/build-model.ts";
import type { SiteModel } from "../model/types.ts";
import type { Page } from "../render/pages.ts";
import type { RenderInput } from "../render/eleventy-plugin.ts";
import { renderPage } from "../../layouts/index.ts";
import { renderInputOf } from "../render/render-input.ts";
import { renderSettingsOf } from "../render-settings.ts";
import { ContentStore } from "./content-store.ts";

export interface PreviewOptions {
  readonly contentDir: string;
  /** `/` or `/some-repo/`, normalised. */
  readonly pathPrefix: string;
  /** Drafts are shown in preview unless turned off. */
  readonly includeDrafts: boolean;
  /** The preview's own folder (the search index); never the published `_site/`. */
  readonly cacheDir: string;
}

/** Seconds per step of one rebuild. */
interface RebuildTimings {
  readonly load: number;
  readonly validate: number;
  readonly model: number;
  readonly pages: number;
}

export interface Rebuild {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: RebuildTimings;
  /** Content files read again. */
  readonly files: number;
}

export class PreviewSite {
  readonly #opts: PreviewOptions;
  readonly #store: ContentStore;
  /** Unchanged files keep their loaded object, so the model reuses whatever was built from them. */
  readonly #cache = modelCache((file) => this.#store.get(file));
  /** Unchanged files keep their loaded object in the store, and with it their parsed brief body. */
  readonly #validationCache = validationCache();
  #model: SiteModel | undefined;
  #input: RenderInput | undefined;
  #pages = new Map<string, Page>();
  #failed: readonly Diagnostic[] = [];

  constructor(opts: PreviewOptions) {
    this.#opts = opts;
    this.#store = new ContentStore(opts.contentDir);
  }

  /** The last good site's pages and context; undefined until the content first validates. */
  get input(): RenderInput | undefined {
    return this.#input;
  }

  /** The problems that stopped the last rebuild; empty when it succeeded. */
  get problems(): readonly Diagnostic[] {
    return this.#failed;
  }

  /** Reads the given content paths again (all content when none are given) and rebuilds the model. */
  async rebuild(changed?: Iterable<string>): Promise<Rebuild> {
    const clock = stopwatch();
    const files = changed ? await this.#store.update(changed) : (await this.#store.loadAll(), this.#store.files.length);
    const load = clock();
    const validated = validateContent(this.#store.files, this.#validationCache);
    const validate = clock();
    const diagnostics = [...this.#store.diagnostics, ...validated.diagnostics];
    if (hasErrors(diagnostics)) {
      this.#failed = diagnostics;
      return { ok: false, diagnostics, files, timings: { load, validate, model: 0, pages: 0 } };
    }
    const model = buildModel(validated.content, {
      pathPrefix: this.#opts.pathPrefix,
      includeDrafts: this.#opts.includeDrafts,
      cache: this.#cache,
    });
    const modelSeconds = clock();
    await this.#use(model);
    this.#failed = [];
    return { ok: true, diagnostics, files, timings: { load, validate, model: modelSeconds, pages: clock() } };
  }

  /** The stylesheet changed: same model, new cache-busting stylesheet address. False before any good build. */
  async restyle(): Promise<boolean> {
    if (!this.#model) return false;
    await this.#use(this.#model);
    return true;
  }

  /** The page at a site path (`/briefs/x/`, `/feed.xml`), if the site has one. */
  page(path: string): Page | undefined {
    return this.#pages.get(path);
  }

  /** A page's HTML, exactly as the production build writes it. */
  render(page: Page): string {
    return renderPage(page, this.#input!.context);
  }

  async #use(model: SiteModel): Promise<void> {
    const input = renderInputOf(
      model,
      await renderSettingsOf(model, { ...this.#opts, preview: this.#opts.includeDrafts }),
    );
    this.#model = model;
    this.#input = input;
    this.#pages = new Map(input.pages.map((p) => [p.path, p]));
  }
}

/** Seconds since the previous call (or since it was made). */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const seconds = (now - last) / 1000;
    last = now;
    return seconds;
  };
}
