/**
 * The actor dossier, its own timeline and the article's "Cited in", rendered from the model of a
 * fixture (test/fixtures/actor-dossier) where counting documents and counting briefs disagree:
 * Harbour State shares two briefs with the Port Authority but is named with the Coast Guild and
 * The Ledger in three source articles each.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { renderPage } from "../../layouts/index.ts";
import { coActorGraph } from "../../layouts/actor-graph.ts";
import { buildModel } from "../../src/model/build-model.ts";
import type { Actor, CoActor } from "../../src/model/types.ts";
import type { Page } from "../../src/render/pages.ts";
import type { RenderContext } from "../../src/render/context.ts";
import { renderInputOf } from "../../src/render/render-input.ts";
import { renderSettingsOf } from "../../src/render-settings.ts";
import { dump, errorsOf, validateFixture } from "../helpers/content.ts";

const PREFIX = "/some-repo/";
let pages: readonly Page[];
let context: RenderContext;
const out = new Map<string, string>();

before(async () => {
  const run = await validateFixture("actor-dossier");
  assert.deepEqual(errorsOf(run.diagnostics), [], dump(run.diagnostics));
  const opts = { contentDir: "unused", pathPrefix: PREFIX, includeDrafts: false };
  const model = buildModel(run.validated.content, opts);
  const input = renderInputOf(model, await renderSettingsOf(model, opts));
  pages = input.pages;
  context = input.context;
  for (const p of pages) out.set(p.path, renderPage(p, input.context));
});

const page = (path: string): string => {
  const text = out.get(path);
  assert.ok(text !== undefined, `no page at ${path}`);
  return text;
};
/** The text of `html` from the first match of `open` to the next `close`. */
const section = (text: string, open: RegExp, close: string): string => {
  const m = open.exec(text);
  assert.ok(m, `no ${open} in page`);
  const end = text.indexOf(close, m.index);
  return text.slice(m.index, end === -1 ? undefined : end + close.length);
};
const idsOf = (text: string) => new Set(Array.from(text.matchAll(/\sid="([^"]*)"/g), (m) => m[1]!));
const textOf = (h: string) =>
  h
    .replace(/<[^>]*>/g, "")
    .replace(/\s+/g, " ")
    .trim();

describe("actor dossier: appears with", () => {
  test("lists co-actors by shared briefs, strongest first, with numbers a reader can check", () => {
    const list = section(page("/actors/harbour-state/"), /<ol class="co-actors">/, "</ol>");
    const rows = Array.from(list.matchAll(/<li>([\s\S]*?)<\/li>/g), (m) => textOf(m[1]!));
    assert.deepEqual(rows, [
      "Port Authority 2 of its 2 briefs",
      "Coast Guild 1 of its 2 briefs · 3 source articles",
      "The Ledger no brief · 3 source articles",
    ]);
  });

  test("draws the co-actors sharing a brief as a static SVG with a title and a description", () => {
    const text = page("/actors/harbour-state/");
    const svg = section(text, /<svg class="co-graph"/, "</svg>");
    assert.match(svg, /role="img" aria-labelledby="with-graph-title with-graph-desc"/);
    assert.match(svg, /<title id="with-graph-title">Harbour State and the actors it shares most briefs with<\/title>/);
    const desc = section(svg, /<desc id="with-graph-desc">/, "</desc>");
    assert.match(desc, /Port Authority, 2 briefs; Coast Guild, 1 brief\./);
    // The Ledger shares no brief: in the list, not in the graph. Nothing in it is a link or a script.
    assert.deepEqual(
      Array.from(svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g), (m) => m[1]),
      ["Port Authority (2)", "Coast Guild (1)", "Harbour State"],
    );
    assert.doesNotMatch(svg, /<a[\s>]|<script|href=/);
    // The stronger tie is drawn thicker.
    const widths = Array.from(svg.matchAll(/stroke-width="([\d.]+)"/g), (m) => Number(m[1]));
    assert.ok(widths.length === 2 && widths[0]! > widths[1]!, String(widths));
  });

  test("caps the graph at the 8 strongest, a few KB, whatever the length of the names", () => {
    const actor = (n: number) => ({ id: `a${n}`, name: `Ministry of Long Names Number ${n} <&>` }) as unknown as Actor;
    const many: CoActor[] = Array.from({ length: 10 }, (_x, i) => ({ actor: actor(i), briefs: 20 - i, articles: 0 }));
    const svg = coActorGraph(context, actor(99), many).value;
    assert.equal((svg.match(/<circle /g) ?? []).length, 9, "8 co-actors and the actor");
    assert.ok(svg.length < 4096, `${svg.length} bytes`);
    assert.match(svg, />Ministry of Lon… \(20\)<\/text>/);
    assert.doesNotMatch(svg, /<&>/);
    assert.equal(coActorGraph(context, actor(99), many).value, svg, "the same layout every build");
  });
});

describe("an actor's own timeline", () => {
  test("is linked from the dossier and lists its events by month, then those dated only in words", () => {
    const dossier = page("/actors/harbour-state/");
    assert.match(
      dossier,
      /<a href="\/some-repo\/actors\/harbour-state\/timeline\/">Timeline of Harbour State: 3 events by month →<\/a>/,
    );
    const text = page("/actors/harbour-state/timeline/");
    const main = section(text, /<main/, "</main>");
    const headings = Array.from(main.matchAll(/<h2>([^<]*)<\/h2>/g), (m) => m[1]);
    assert.deepEqual(headings, ["September 2025", "October 2025", "Dated only in words"]);
    const words = section(main, /<h2>Dated only in words<\/h2>/, "</section>");
    assert.match(words, /Officials begin planning the closure\./);
    assert.match(words, /last spring/);
    for (const what of ["The harbour closes.", "The harbour reopens.", "Officials begin planning the closure."])
      assert.equal(main.split(what).length - 1, 1, `${what} once`);
    assert.doesNotMatch(text.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, ""), /<script/);
  });

  test("exists only for an actor that takes part in an event", () => {
    const timelines = pages.filter((p) => p.layout === "actor-timeline").map((p) => p.path);
    assert.deepEqual(timelines.sort(), ["/actors/harbour-state/timeline/", "/actors/port-authority/timeline/"]);
    assert.doesNotMatch(page("/actors/the-ledger/"), /the-ledger\/timeline\//);
  });
});

describe("article: Cited in", () => {
  /** Each "Cited in" link of a paragraph of an article page. */
  const citedIn = (path: string, n: number) => {
    const para = section(page(path), new RegExp(`<div class="para[^"]*" id="p${n}">`), "</div>");
    return Array.from(para.matchAll(/<p class="cited-by"[\s\S]*?<\/p>/g), (m) =>
      Array.from(m[0].matchAll(/href="([^"]*)"/g), (h) => h[1]!),
    ).flat();
  };

  test("links to the key point citing the paragraph, else to the sentence, else to the section", () => {
    assert.deepEqual(citedIn("/articles/harbour-closure/", 1), [`${PREFIX}briefs/harbour-closes/#key-point-1`]);
    assert.deepEqual(citedIn("/articles/harbour-closure/", 3), [`${PREFIX}briefs/harbour-closes/#events`]);
    assert.deepEqual(
      citedIn("/articles/harbour-closure/", 2),
      [`${PREFIX}briefs/harbour-closes/#cited-1`],
      "cited only in the brief's text: its first citation there",
    );
  });

  test("every link's fragment is an id on the brief page, and that key point cites the paragraph", () => {
    let fragments = 0;
    for (const p of pages.filter((x) => x.layout === "article")) {
      for (let n = 1; out.get(p.path)!.includes(`id="p${n}"`); n++) {
        for (const href of citedIn(p.path, n)) {
          const [path, fragment] = href.slice(PREFIX.length - 1).split("#");
          if (!fragment) continue;
          fragments++;
          const brief = page(path!);
          assert.ok(idsOf(brief).has(fragment), `${href} from ${p.path}#p${n}`);
          if (fragment.startsWith("key-point-")) {
            const point = section(brief, new RegExp(`<li id="${fragment}">`), "</li>");
            assert.ok(point.includes(`${p.path.split("/")[2]}-p${n}`), `${fragment} cites ${p.path}#p${n}`);
          }
          if (fragment.startsWith("cited-")) {
            const sentence = section(brief, new RegExp(`<span class="cites" id="${fragment}"`), "</span>");
            assert.ok(sentence.includes(`${p.path.split("/")[2]}-p${n}`), `${fragment} cites ${p.path}#p${n}`);
          }
        }
      }
    }
    assert.ok(fragments >= 4, `${fragments} links with a fragment`);
  });
});
