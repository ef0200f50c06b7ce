/**
 * A render context over a fixture, as the build gives layouts one: the publishing tests (feeds,
 * metadata, open data, sitemap) call the layouts' functions on it directly.
 */
import assert from "node:assert/strict";
import { buildModel, hrefOf } from "../../src/model/build-model.ts";
import type { RenderContext } from "../../src/render/context.ts";
import { withSiteUrl } from "../../src/validate/site-url.ts";
import { dump, errorsOf, validateFixture } from "../helpers/content.ts";

export async function contextOf(
  fixtureName: string,
  opts: { readonly pathPrefix?: string; readonly siteUrl?: string; readonly includeDrafts?: boolean } = {},
): Promise<RenderContext> {
  const run = await validateFixture(fixtureName);
  assert.deepEqual(errorsOf(run.diagnostics), [], dump(run.diagnostics));
  const pathPrefix = opts.pathPrefix ?? "/some-repo/";
  const content = withSiteUrl(run.validated.content, opts.siteUrl).content;
  const model = buildModel(content, { pathPrefix, includeDrafts: opts.includeDrafts ?? false });
  return {
    model,
    href: hrefOf(pathPrefix),
    pathPrefix,
    stylesheet: `${pathPrefix}css/site.css`,
    preview: false,
  };
}
