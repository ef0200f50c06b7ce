/**
 * The allow-list for addresses from content and config: the only schemes a reader's browser is
 * sent to. Anything else (`javascript:`, `data:`, `vbscript:`, `file:`, however it is spelt) is
 * refused, at validation with the file and field, and again by the link check in the output.
 */

/** What the URL parser strips from both ends: C0 controls and space. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const EDGES = new RegExp("^[\\u0000-\\u0020]+|[\\u0000-\\u0020]+$", "g");

export type UrlUse = "web" | "web-or-mail";

const SCHEMES: Record<UrlUse, readonly string[]> = {
  web: ["http:", "https:"],
  "web-or-mail": ["http:", "https:", "mailto:"],
};

export type UrlVerdict =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly why: string; readonly hint: string };

/**
 * What a browser would make of `raw` as an absolute address: leading and trailing spaces and
 * control characters dropped, tabs and line breaks removed anywhere (the WHATWG URL parser does
 * both, which is how `java\tscript:` runs), the scheme read case-insensitively.
 */
export function checkUrl(raw: string, use: UrlUse = "web"): UrlVerdict {
  const allowed = SCHEMES[use];
  const hint = `write a full address starting with ${allowed.map((s) => (s === "mailto:" ? "mailto:" : `${s}//`)).join(" or ")}`;
  const cleaned = raw.replace(EDGES, "").replace(/[\t\n\r]/g, "");
  let url: URL;
  try {
    url = new URL(cleaned);
  } catch {
    return { ok: false, why: `'${raw}' is not a full web address`, hint };
  }
  if (!allowed.includes(url.protocol))
    return { ok: false, why: `addresses starting with '${url.protocol}' are not allowed`, hint };
  if (url.protocol !== "mailto:" && url.hostname === "") return { ok: false, why: `'${raw}' names no host`, hint };
  return { ok: true, url: url.href };
}

/** The scheme a browser would read from `href` (lower case, with the colon), or undefined for a relative link. */
export function schemeOf(href: string): string | undefined {
  const cleaned = href.replace(EDGES, "").replace(/[\t\n\r]/g, "");
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase().concat(":");
}

/** Whether an `href` in the output may stay: a relative link, or an allowed scheme. */
export const isAllowedHref = (href: string): boolean => {
  const scheme = schemeOf(href);
  return scheme === undefined || SCHEMES["web-or-mail"].includes(scheme);
};
