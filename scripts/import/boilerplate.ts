/**
 * Lines that scrapers pick up from the page around an article: form labels, share buttons,
 * newsletter prompts, cookie banners. A line is removed only when the WHOLE line matches one of
 * these rules, so article sentences that merely mention a word like "subscribe" are kept.
 *
 * Keep this list small: every rule here is a line an editor will never see again. Add a rule only
 * for a line seen in real scraped files, with a test in test/scripts/import/boilerplate.test.ts.
 */
export interface BoilerplateRule {
  /** Shown to the editor in the importer's report: "removed line 8 (form line)". */
  readonly name: string;
  readonly pattern: RegExp;
}

const Q = `["'\u201c\u201d\u2018\u2019]`;

const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  // Gravity Forms and similar: `"*" indicates required fields`.
  { name: "form line", pattern: new RegExp(`^${Q}?\\*${Q}? indicates required fields?\\.?$`, "i") },
  {
    name: "form line",
    pattern: /^(required|this field is required|please fill (in|out) (this|the required) fields?)\.?$/i,
  },
  // Newsletter and subscription prompts, as short stand-alone lines only.
  { name: "subscribe prompt", pattern: /^(subscribe|subscribe now|subscribe here|sign up|sign up now)[.!]?$/i },
  {
    name: "subscribe prompt",
    pattern: /^(subscribe|sign up) (to|for) (our|the) (free )?(daily |weekly )?newsletters?\b.{0,60}$/i,
  },
  // Share buttons.
  {
    name: "share button",
    pattern:
      /^(share|share this|share this (article|story|post|page)|share on (facebook|x|twitter|linkedin|whatsapp|email))[:.!]?$/i,
  },
  // Cookie banners: short lines about the site's cookies.
  {
    name: "cookie notice",
    pattern:
      /^(?=.{0,300}$).*\b(we use cookies|(this|our) (web)?site uses cookies|accept (all )?cookies|cookie (policy|settings|preferences))\b.*$/i,
  },
  // Ad slot labels.
  { name: "advert label", pattern: /^(advertisement|advertising|sponsored|sponsored content|ad)$/i },
];

/** The rule a line matches, or undefined for a line to keep. */
export function boilerplateRule(line: string): BoilerplateRule | undefined {
  const text = line.trim();
  if (text === "") return undefined;
  return BOILERPLATE_RULES.find((rule) => rule.pattern.test(text));
}
