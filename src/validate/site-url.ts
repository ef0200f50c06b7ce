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
  if (url === undefined || url.trim() === "") return { content: withDomainUrl(content), diagnostics: [] };
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

/** A custom domain is the site's address when site.yaml gives no `url`. */
function withDomainUrl(content: ValidContent): ValidContent {
  const { domain, url } = content.site;
  return domain && url === undefined ? { ...content, site: { ...content.site, url: `https://${domain}/` } } : content;
}

/**
 * What a build must know about where the site is published. A custom domain serves the site at
 * `/`, so a build under another prefix would publish links that lead nowhere: refused. A
 * production build (one without drafts) of a site with no address at all: its feeds, sitemap,
 * canonical links and open data would hold bare paths, which feed readers and search engines
 * cannot follow; said once, as a warning, since a site may be built before it has an address.
 */
export function siteAddressProblems(
  site: SiteData | undefined,
  opts: { readonly includeDrafts: boolean; readonly pathPrefix: string },
): Diagnostic[] {
  if (!site) return [];
  if (site.domain && opts.pathPrefix !== "/")
    return [
      error({
        file: "site.yaml",
        field: "domain",
        message: `the site's custom domain '${site.domain}' serves it at /, but this build was given the path prefix '${opts.pathPrefix}'`,
        hint: "build without --pathprefix or PATH_PREFIX (the GitHub workflow passes / once the domain is set under Settings → Pages → Custom domain), or remove `domain` to publish under the prefix",
      }),
    ];
  if (site.url !== undefined || opts.includeDrafts) return [];
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
