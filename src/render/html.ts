/**
 * The `html` template tag every layout writes with: interpolated values are escaped unless they
 * are already HTML (a nested `html` result, or Markdown the model rendered). Escaping is the
 * default, so text from content can never become markup by accident.
 */
import { escapeHtml } from "../model/markdown.ts";
import type { Html } from "../model/types.ts";

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Renderable = SafeHtml | string | number | boolean | null | undefined | readonly Renderable[];

/** Marks HTML the model already rendered and escaped. */
export const raw = (h: Html): SafeHtml => new SafeHtml(h);

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
  return new SafeHtml(out);
}

export { escapeHtml };
