import type { SiteModel } from "../model/types.ts";
import type { SitePath } from "../model/urls.ts";

/** What every layout gets besides its page: the model and how to turn a site path into a link. */
export interface RenderContext {
  readonly model: SiteModel;
  /** A site path as a link under the deployment's path prefix. */
  href(path: SitePath): string;
  readonly pathPrefix: string;
  /** Stylesheet address with a content hash, so browsers never keep a stale one. */
  readonly stylesheet: string;
  /** When set (preview), the page says it shows drafts. */
  readonly preview: boolean;
}
