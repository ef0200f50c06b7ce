/**
 * The site's public address comes from one place: `url` in site.yaml, unless the build is told
 * another (the GitHub workflow sets BRIEFBOOK_URL from what GitHub Pages reports), checked by the
 * same schema field as the file's.
 */
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { siteSchema, type SiteData } from "./schema.ts";
import type { ValidContent } from "./validate.ts";

/** Where an address given to the build (not written in a file) is reported from. */
const SITE_URL_VARIABLE = "BRIEFBOOK_URL";

export function withSiteUrl(
  content: ValidContent,
  url: string | undefined,
): { readonly content: ValidContent; readonly diagnostics: readonly Diagnostic[] } {
  if (url === undefined || url.trim() === "") return { content, diagnostics: [] };
  const parsed = siteSchema.shape.url.safeParse(url);
  if (!parsed.success || parsed.data === undefined) {
    const issue = parsed.error?.issues[0];
    return {
      content,
      diagnostics: [
        error({
          file: SITE_URL_VARIABLE,
          message: `the site's address '${url}' is not usable: ${issue?.message ?? "it is empty"}`,
          hint: `set ${SITE_URL_VARIABLE} to the site's full address, such as https://owner.github.io/repo/`,
        }),
      ],
    };
  }
  return { content: { ...content, site: { ...content.site, url: parsed.data } }, diagnostics: [] };
}

/**
 * A production build (one without drafts) of a site with no address: feeds, the sitemap, canonical
 * links and open data would hold bare paths, which feed readers and search engines cannot follow.
 * Said once, as a warning: a site may be built to look at before it has an address.
 */
export function productionAddressWarning(
  site: SiteData | undefined,
  opts: { readonly includeDrafts: boolean },
): Diagnostic[] {
  if (!site || site.url !== undefined || opts.includeDrafts) return [];
  return [
    warning({
      file: "site.yaml",
      field: "url",
      message:
        "the site has no public address, so its feeds, sitemap, canonical links and open data hold paths without the site's host, which feed readers and search engines cannot follow",
      hint: `add \`url: https://owner.github.io/repo/\` (the address readers use) to site.yaml, or set ${SITE_URL_VARIABLE} for this build; the GitHub workflow sets it from GitHub Pages`,
    }),
  ];
}
