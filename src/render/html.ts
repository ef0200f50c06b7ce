/**
 * The `html` template tag every layout writes with: interpolated values are escaped unless they
 * are already HTML (a nested `html` result, or Markdown the model rendered). Escaping is the
 * default, so text from content can never become markup by accident.
 */
import type { Html } from "../model/types.ts";
import { escapeHtml, jsonInHtml } from "../text/escape.ts";

/** Held by this module only, so markup is made by `html` and `raw()` alone, never from a string elsewhere. */
const MINT: unique symbol = Symbol("SafeHtml");

/** Markup that is safe to write as it is. Only this module can make one. */
export class SafeHtml {
  readonly value: string;
  constructor(token: typeof MINT, value: string) {
    if (token !== MINT) throw new TypeError("SafeHtml is made only by the html tag or raw(), never from a string");
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type Renderable = SafeHtml | string | number | boolean | null | undefined | readonly Renderable[];

/** Marks HTML the model already rendered and escaped. */
export const raw = (h: Html): SafeHtml => new SafeHtml(MINT, h);

/**
 * Structured data (schema.org JSON-LD) for search engines. Not a script a browser runs; its JSON is
 * written with `<`, `>` and `&` escaped, so no text from content can end the element early.
 */
export const jsonLdScript = (value: object): SafeHtml =>
  new SafeHtml(MINT, `<script type="application/ld+json">${jsonInHtml(value)}</script>`);

function render(v: Renderable): string {
  if (v === null || v === undefined || v === false || v === true) return "";
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) {
    let out = "";
    for (const item of v as readonly Renderable[]) out += render(item);
    return out;
  }
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Renderable[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new SafeHtml(MINT, out);
}
