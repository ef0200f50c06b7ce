import { html, type SafeHtml } from "../src/render/html.ts";
import type { RenderContext } from "../src/render/context.ts";

/** The search page. Without JavaScript the form still works as a plain GET form. */
export function searchMain(_ctx: RenderContext): SafeHtml {
  return html`<h1>Search</h1>
<div id="search"></div>
<noscript><p>Search needs JavaScript. Browse the briefs, actors, sources and topics from the menu instead.</p></noscript>`;
}
