/**
 * "Appears with" as a small static SVG, made while the page is written: the actor at the centre,
 * its strongest co-actors around it on a fixed ellipse (the first at the top, then clockwise), a
 * line to each as thick as the briefs they share. Pure string building, no layout engine, so a
 * thousand actor pages cost a thousand short strings; the list beside it is the accessible form.
 */
import { html, type SafeHtml } from "../src/render/html.ts";
import type { Actor, CoActor } from "../src/model/types.ts";
import { CO_ACTOR_GRAPH } from "../src/model/co-actors.ts";
import type { RenderContext } from "../src/render/context.ts";
import { countIn, wordsOf } from "./format.ts";

const WIDTH = 520;
const HEIGHT = 260;
const CENTRE = { x: WIDTH / 2, y: 128 };
const RADIUS = { x: 170, y: 90 };
/** Names longer than this are cut in the graph (the list gives them whole), so labels stay apart. */
const LABEL_CHARS = 16;

const round = (n: number) => Math.round(n * 10) / 10;
const shortName = (name: string) => (name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1).trimEnd()}…` : name);

/** The co-actors the graph shows: the strongest that share at least one brief. */
export const graphedCoActors = (coActors: readonly CoActor[]): readonly CoActor[] =>
  coActors.filter((c) => c.briefs > 0).slice(0, CO_ACTOR_GRAPH);

/** One co-actor: its line from the centre, its dot and its label (above the dot in the top half, below it in the bottom). */
function spoke(c: CoActor, i: number, count: number, strongest: number): SafeHtml {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
  const x = round(CENTRE.x + RADIUS.x * Math.cos(angle));
  const y = round(CENTRE.y + RADIUS.y * Math.sin(angle));
  const weight = c.briefs / strongest;
  const labelY = round(y < CENTRE.y - 1 ? y - 14 : y + 24);
  return html`<line class="edge" x1="${CENTRE.x}" y1="${CENTRE.y}" x2="${x}" y2="${y}" stroke-width="${round(1.5 + 4.5 * weight)}"/><circle class="node" cx="${x}" cy="${y}" r="${round(5 + 3 * weight)}"/><text x="${x}" y="${labelY}">${shortName(c.actor.name)} (${c.briefs})</text>`;
}

/** The graph, with a title and a description naming every actor and number it shows; nothing when no co-actor shares a brief. */
export function coActorGraph(ctx: RenderContext, actor: Actor, coActors: readonly CoActor[]): SafeHtml {
  const shown = graphedCoActors(coActors);
  if (shown.length === 0) return html``;
  const strongest = shown[0]!.briefs;
  const words = wordsOf(ctx);
  const count = countIn(ctx);
  const described = shown.map((c) => `${c.actor.name}, ${count(c.briefs, words.briefs)}`).join("; ");
  return html`<svg class="co-graph" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="with-graph-title with-graph-desc">
<title id="with-graph-title">${words.graphTitle(actor.name)}</title>
<desc id="with-graph-desc">${words.graphDescription(actor.name, count(shown.length, words.actors), described)}</desc>
${shown.map((c, i) => spoke(c, i, shown.length, strongest))}<circle class="node centre" cx="${CENTRE.x}" cy="${CENTRE.y}" r="10"/><text class="centre" x="${CENTRE.x}" y="${CENTRE.y + 28}">${shortName(actor.name)}</text>
</svg>`;
}
