/**
 * One rebuild at a time. Edits are collected for `debounce` ms (editors often write a file in
 * several steps), then rebuilt together; edits made during a rebuild (the first one included) are
 * taken by the next. A stylesheet change gives the same model a new stylesheet address.
 */
import type { PreviewSite, Rebuild } from "./site.ts";

/** What the queue tells the server. */
export interface RebuildListener {
  /** Content was rebuilt; `what` names the change (a path, or how many changes). */
  rebuilt(r: Rebuild, what: string): void;
  /** The stylesheet changed and the site now links the new one. */
  restyled(): void;
  /** A rebuild threw (a bug, not a content error). */
  crashed(e: unknown): void;
}

export class RebuildQueue {
  readonly #site: PreviewSite;
  readonly #listener: RebuildListener;
  readonly #debounce: number;
  #pending = new Set<string>();
  #restyle = false;
  #timer: NodeJS.Timeout | undefined;
  #building: Promise<void> | undefined;

  constructor(site: PreviewSite, listener: RebuildListener, debounce = 50) {
    this.#site = site;
    this.#listener = listener;
    this.#debounce = debounce;
  }

  /** A content path (relative to the content folder) was added, changed or removed. */
  contentChanged(rel: string): void {
    this.#pending.add(rel);
    this.#later();
  }

  /** Something under `public/` changed. */
  styleChanged(): void {
    this.#restyle = true;
    this.#later();
  }

  /** Reads all the content (`what` names it), then takes whatever was edited meanwhile. */
  first(what: string): Promise<void> {
    return this.#run(async () => {
      this.#listener.rebuilt(await this.#site.rebuild(), what);
      await this.#drain();
    });
  }

  /** Stops waiting for edits; resolves when the rebuild under way, if any, has ended. */
  async close(): Promise<void> {
    clearTimeout(this.#timer);
    await this.#building;
  }

  #later(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void (this.#building ?? this.#run(() => this.#drain())), this.#debounce);
  }

  #run(work: () => Promise<void>): Promise<void> {
    this.#building = work().finally(() => (this.#building = undefined));
    return this.#building;
  }

  async #drain(): Promise<void> {
    while (this.#pending.size > 0 || this.#restyle) {
      const batch = [...this.#pending];
      const css = this.#restyle;
      this.#pending = new Set();
      this.#restyle = false;
      try {
        if (batch.length > 0)
          this.#listener.rebuilt(
            await this.#site.rebuild(batch),
            batch.length === 1 ? batch[0]! : `${batch.length} changes`,
          );
        if (css && (await this.#site.restyle())) this.#listener.restyled();
      } catch (e) {
        this.#listener.crashed(e);
      }
    }
  }
}
