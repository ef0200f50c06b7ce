/**
 * The site's public address comes from one place: `url` in site.yaml, unless the build is told
 * another (the GitHub workflow sets BRIEFBOOK_URL from what GitHub Pages reports), checked by the
 * same schema field as the file's.
 */
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { siteSchema } from "./schema.ts";
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
