/**
 * How dates and counts read on the page, in the site's language (`site.language`) through `Intl`.
 * Presentation only. Building an `Intl` formatter costs far more than using one, and a large site
 * formats dates on every one of its pages, so each language's formatters are built once and kept.
 */
import type { RenderContext } from "../src/render/context.ts";
import { formOf, wordsFor, type Forms, type Words } from "../src/words/words.ts";

/** The language of a call that names none: what older call sites (and the bundled site) read. */
const DEFAULT_LANGUAGE = "en";

interface Formatters {
  /** `2026-11-23` → `23 November 2026` (en), `23 novembre 2026` (fr). */
  readonly day: Intl.DateTimeFormat;
  /** `2025-09` → `September 2025`. */
  readonly month: Intl.DateTimeFormat;
  readonly count: Intl.NumberFormat;
}

const formattersByLanguage = new Map<string, Formatters>();

/**
 * Intl reads a bare `en` as US English (`November 23, 2026`); the site has always printed a bare
 * `en` day first, as most of the English-speaking world does. `en-US` gets the US order.
 */
const localeOf = (language: string): string => (language === "en" ? "en-GB" : language);

// UTC both ways: a calendar date stays the same day whatever the build machine's time zone.
function formattersOf(language: string): Formatters {
  let f = formattersByLanguage.get(language);
  if (!f) {
    const locale = localeOf(language);
    const utc = { timeZone: "UTC", year: "numeric", month: "long" } as const;
    f = {
      day: new Intl.DateTimeFormat(locale, { ...utc, day: "numeric" }),
      month: new Intl.DateTimeFormat(locale, utc),
      count: new Intl.NumberFormat(locale),
    };
    formattersByLanguage.set(language, f);
  }
  return f;
}

/**
 * A content date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) as a reader reads it in `language`:
 * `10 November 2025`, `10 novembre 2025`, `November 2025`, `2025`. Anything else is shown as written.
 */
export function formatDate(date: string, language: string = DEFAULT_LANGUAGE): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, y, mm, dd] = m;
  if (!mm) return y!;
  const f = formattersOf(language);
  return (dd ? f.day : f.month).format(Date.UTC(Number(y), Number(mm) - 1, dd ? Number(dd) : 1));
}

/** `1234` → `1,234` (en), `1 234` (fr). */
export const formatCount = (n: number, language: string = DEFAULT_LANGUAGE): string =>
  formattersOf(language).count.format(n);

/** `1,234 briefs`, `1 synthèse`, `2 synthèses`: the number and the noun's form for it, in the site's language. */
export const counted = (n: number, forms: Forms, language: string = DEFAULT_LANGUAGE): string =>
  `${formatCount(n, language)} ${formOf(forms, n, language)}`;

/** The interface's words for the page's language (English when the interface has none in it). */
export const wordsOf = (ctx: RenderContext): Words => wordsFor(ctx.model.site.language);

/** `count(3, words.briefs)` → `3 briefs`, in the page's language. */
export const countIn =
  (ctx: RenderContext) =>
  (n: number, forms: Forms): string =>
    counted(n, forms, ctx.model.site.language);
