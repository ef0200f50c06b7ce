/**
 * The site model over the cross-links fixture: which documents a reader finds where, in which
 * order, and what links to what. Expected values are worked out by hand from the fixture files.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { buildModel } from "../../src/model/build-model.ts";
import { publicationDate, type Publication, type SiteModel } from "../../src/model/types.ts";
import type { ValidContent } from "../../src/validate/validate.ts";
import type { ActorId, ArticleId } from "../../src/validate/ids.ts";
import { dump, errorsOf, validateFixture } from "../helpers/content.ts";

const A = (id: string) => id as ActorId;
const ids = (docs: readonly { id: string }[]) => docs.map((d) => d.id);
const linksIn = (html: string) =>
  Array.from(html.matchAll(/<a class="actor" href="([^"]*)">([^<]*)<\/a>/g), (m) => `${m[2]}→${m[1]}`);

let content: ValidContent;
let model: SiteModel;
before(async () => {
  const run = await validateFixture("cross-links");
  assert.deepEqual(errorsOf(run.diagnostics), [], dump(run.diagnostics));
  content = run.validated.content;
  model = buildModel(content, { pathPrefix: "/", includeDrafts: false });
});

const article = (id: string) => {
  const a = model.article(id as ArticleId);
  assert.ok(a, `no article ${id}`);
  return a;
};
const briefOf = (m: SiteModel, id: string) => {
  const b = m.briefs.find((x) => x.id === id);
  assert.ok(b, `no brief ${id}`);
  return b;
};

describe("briefs", () => {
  test("drafts are left out of a production build, newest brief first", () => {
    assert.deepEqual(ids(model.briefs), ["memo-brief", "strikes-response", "uk-review"]);
  });

  test("with includeDrafts the draft appears, in date order, and its citations count", () => {
    const preview = buildModel(content, { pathPrefix: "/", includeDrafts: true });
    assert.deepEqual(ids(preview.briefs), ["later-draft", "memo-brief", "strikes-response", "uk-review"]);
    assert.equal(briefOf(preview, "later-draft").status, "draft");
    assert.deepEqual(ids(preview.mentionsOf(A("venezuela")).filter((d) => d.type === "brief")), [
      "later-draft",
      "strikes-response",
    ]);
    assert.deepEqual(ids(preview.article("navy-strikes" as ArticleId)!.paragraphs[3]!.citedBy), ["later-draft"]);
  });

  test("a draft leaves no trace in a production model", () => {
    const everything = JSON.stringify({
      m: model.mentionsOf(A("venezuela")).map((d) => d.id),
      p: article("navy-strikes").paragraphs.map((p) => p.citedBy.map((b) => b.id)),
      c: ids(model.citationsOf("navy-strikes" as ArticleId)),
    });
    assert.doesNotMatch(everything, /later-draft/);
    assert.deepEqual(article("navy-strikes").paragraphs[3]!.citedBy, []);
  });

  test("brief citations are resolved to paragraph paths with outlet labels", () => {
    const b = briefOf(model, "uk-review");
    const kp = b.key_points[0]!.cites[0]!;
    assert.equal(kp.path, "/articles/uk-pause/#p1");
    assert.equal(kp.label, "Harbour News ¶1");
    assert.match(kp.title, /UK pauses intelligence sharing with the US, paragraph 1/);
    assert.equal(b.quotes[0]!.cite.path, "/articles/uk-pause/#p3");
  });

  test("a brief's mentions include listed actors, quoted actors, event actors and body links", () => {
    assert.deepEqual(
      new Set(briefOf(model, "strikes-response").mentions),
      new Set(["united-kingdom", "united-states", "nicolas-maduro", "us-navy", "venezuela"]),
    );
    // Each actor once, even when listed, quoted and linked.
    const ukReview = briefOf(model, "uk-review").mentions;
    assert.deepEqual([...ukReview].sort(), ["keir-starmer", "united-kingdom"]);
  });

  test("topics are slugged and deduplicated by slug within a brief", () => {
    const topics = briefOf(model, "strikes-response").topics;
    assert.deepEqual(
      topics.map((t) => t.slug),
      ["intelligence-sharing", "caribbean-strikes"],
    );
    assert.deepEqual(
      topics.map((t) => t.path),
      ["/topics/intelligence-sharing/", "/topics/caribbean-strikes/"],
    );
  });
});

describe("articles", () => {
  test("newest first, undated last", () => {
    assert.deepEqual(ids(model.articles), ["navy-strikes", "uk-pause", "unsourced-memo"]);
  });

  test("paragraphs link the first mention of each actor only", () => {
    const ps = article("uk-pause").paragraphs.map((p) => linksIn(p.html));
    assert.deepEqual(ps, [
      ["United Kingdom→/actors/united-kingdom/", "United States→/actors/united-states/"],
      ["US Navy→/actors/us-navy/"], // "UK’s" and "Britain" are the UK again: not linked twice
      ["Keir Starmer→/actors/keir-starmer/"],
      [], // "U.K." and "Starmer" were already linked
    ]);
    assert.match(article("uk-pause").paragraphs[1]!.html, /The UK’s decision/);
  });

  test("a possessive first mention links the name and leaves the ’s outside the link", () => {
    assert.match(
      article("unsourced-memo").paragraphs[1]!.html,
      /<a class="actor" href="\/actors\/united-kingdom\/">UK<\/a>’s coast guard/,
    );
  });

  test("names across a comma are separate mentions; accented names link whole", () => {
    const ps = article("navy-strikes").paragraphs.map((p) => linksIn(p.html));
    assert.deepEqual(ps[1], ["Nicolás Maduro→/actors/nicolas-maduro/"]);
    assert.deepEqual(ps[2], ["UK→/actors/united-kingdom/", "US→/actors/united-states/"]);
  });

  test("paragraph text is escaped", () => {
    for (const a of model.articles)
      for (const p of a.paragraphs) assert.doesNotMatch(p.html.replace(/<\/?a[^>]*>/g, ""), /[<>]/);
  });

  test("article.mentions lists every actor named, in order of first appearance, plus the outlet", () => {
    assert.deepEqual(article("uk-pause").mentions, [
      "united-kingdom",
      "united-states",
      "us-navy",
      "keir-starmer",
      "harbour-news",
    ]);
    assert.deepEqual(article("unsourced-memo").mentions, ["us-navy", "united-kingdom"]);
  });

  test("labels and outlet names", () => {
    assert.equal(article("navy-strikes").outletName, "Coast Gazette");
    assert.equal(article("navy-strikes").label, "Coast Gazette");
    assert.equal(article("unsourced-memo").outletName, undefined);
    assert.match(article("unsourced-memo").label, /^A memo circulated\b.*…$/);
  });

  test("each paragraph lists the briefs citing it, newest first, once per brief", () => {
    const cited = article("uk-pause").paragraphs.map((p) => ids(p.citedBy));
    assert.deepEqual(cited, [["uk-review"], ["strikes-response", "uk-review"], ["uk-review"], []]);
    assert.deepEqual(ids(article("navy-strikes").paragraphs[0]!.citedBy), ["memo-brief", "strikes-response"]);
  });

  test("citationsOf(article) lists the briefs naming it as a source, newest first", () => {
    assert.deepEqual(ids(model.citationsOf("navy-strikes" as ArticleId)), ["memo-brief", "strikes-response"]);
    assert.deepEqual(ids(model.citationsOf("uk-pause" as ArticleId)), ["strikes-response", "uk-review"]);
    assert.deepEqual(model.citationsOf("no-such-article" as ArticleId), []);
  });
});

describe("actors", () => {
  test("sorted by name, each with its page path", () => {
    const names = model.actors.map((a) => a.name);
    assert.deepEqual(names, [...names].sort());
    assert.equal(model.actor(A("keir-starmer"))?.path, "/actors/keir-starmer/");
    assert.equal(model.actor(A("keir-starmer"))?.affiliation, "united-kingdom");
    assert.equal(model.actor(A("nobody")), undefined);
  });

  test("mentionsOf: briefs and articles together, newest first, undated last", () => {
    const docs = model.mentionsOf(A("united-kingdom"));
    assert.deepEqual(
      docs.map((d) => `${d.type}:${d.id}`),
      [
        "brief:strikes-response",
        "article:navy-strikes",
        "brief:uk-review",
        "article:uk-pause",
        "article:unsourced-memo",
      ],
    );
    const dates = docs.map(publicationDate).filter((d): d is NonNullable<typeof d> => d !== undefined);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  test("mentionsOf an actor no document names is empty", () => {
    assert.deepEqual(model.mentionsOf(A("european-union")), []);
    assert.deepEqual(model.coActorsOf(A("european-union")), []);
  });

  test("quotesOf and stancesOf point back at their briefs", () => {
    const q = model.quotesOf(A("nicolas-maduro"));
    assert.equal(q.length, 1);
    assert.equal(q[0]!.brief.id, "strikes-response");
    assert.equal(q[0]!.quote.text, "an act of aggression");
    assert.equal(q[0]!.quote.cite.path, "/articles/navy-strikes/#p2");

    const s = model.stancesOf(A("united-kingdom"));
    assert.deepEqual(
      s.map((x) => [x.brief.id, x.role, x.stance]),
      [
        ["strikes-response", "stayed silent", undefined],
        ["uk-review", "paused intelligence sharing", "will not share intelligence used for lethal strikes"],
      ],
    );
    assert.equal(s[1]!.cites[0]!.path, "/articles/uk-pause/#p1");
    assert.deepEqual(model.quotesOf(A("united-kingdom")), []);
  });

  test("coActorsOf counts briefs and articles naming both, most shared briefs first", () => {
    const co = model.coActorsOf(A("united-kingdom")).map((c) => [c.actor.id, c.briefs, c.articles]);
    // Each shares one brief (strikes-response or uk-review) with the UK; us-navy is also named with it in
    // three articles (uk-pause, navy-strikes, unsourced-memo), united-states in two.
    assert.deepEqual(co.slice(0, 2), [
      ["us-navy", 1, 3],
      ["united-states", 1, 2],
    ]);
    assert.deepEqual(
      co.find(([id]) => id === "keir-starmer"),
      ["keir-starmer", 1, 1],
    );
    assert.ok(!co.some(([id]) => id === "united-kingdom"), "an actor is not its own co-actor");
    // Symmetric: the UK appears with Starmer as often as Starmer with the UK.
    const uk = model.coActorsOf(A("keir-starmer")).find((c) => c.actor.id === "united-kingdom");
    assert.deepEqual([uk?.briefs, uk?.articles], [1, 1]);
  });

  test("mostMentioned ranks by number of documents", () => {
    const top = model.mostMentioned.map((a) => [a.id, model.mentionsOf(a.id).length]);
    // Five documents each; ties go by name ("US Navy" sorts before "United Kingdom").
    assert.deepEqual(top.slice(0, 2), [
      ["us-navy", 5],
      ["united-kingdom", 5],
    ]);
    const counts = top.map(([, n]) => n as number);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
    );
    assert.ok(!top.some(([id]) => id === "european-union"));
  });
});

describe("topics, outlets, timeline", () => {
  test("topics across briefs, one entry per slug, briefs newest first", () => {
    assert.deepEqual(
      model.topics.map((t) => [t.slug, t.path, ids(t.briefs)]),
      [
        ["caribbean-strikes", "/topics/caribbean-strikes/", ["memo-brief", "strikes-response"]],
        ["intelligence-sharing", "/topics/intelligence-sharing/", ["strikes-response", "uk-review"]],
      ],
    );
  });

  test("outlets by name, with articles whose outlet is not stated last", () => {
    assert.deepEqual(
      model.outlets.map((o) => [o.name, o.path, o.actor?.id, ids(o.articles)]),
      [
        ["Coast Gazette", "/outlets/coast-gazette/", "coast-gazette", ["navy-strikes"]],
        ["Harbour News", "/outlets/harbour-news/", "harbour-news", ["uk-pause"]],
        ["Outlet not stated", "/outlets/outlet-not-stated/", undefined, ["unsourced-memo"]],
      ],
    );
  });
  // The timeline's order and merging: test/model/timeline.test.ts.
});

describe("the model is read-only", () => {
  test("the model, its lists and documents are frozen", () => {
    const frozen: [string, unknown][] = [
      ["model", model],
      ["briefs", model.briefs],
      ["articles", model.articles],
      ["actors", model.actors],
      ["topics", model.topics],
      ["outlets", model.outlets],
      ["timeline", model.timeline],
      ["mostMentioned", model.mostMentioned],
      ...model.briefs.flatMap((b): [string, unknown][] => [
        [`brief ${b.id}`, b],
        [`brief ${b.id} actors`, b.actors],
        [`brief ${b.id} key_points`, b.key_points],
        [`brief ${b.id} quotes`, b.quotes],
        [`brief ${b.id} events`, b.events],
        [`brief ${b.id} mentions`, b.mentions],
        [`brief ${b.id} topics`, b.topics],
      ]),
      ...model.articles.flatMap((a): [string, unknown][] => [
        [`article ${a.id}`, a],
        [`article ${a.id} paragraphs`, a.paragraphs],
        [`article ${a.id} paragraph 1`, a.paragraphs[0]],
        [`article ${a.id} mentions`, a.mentions],
      ]),
      ...model.topics.map((t): [string, unknown] => [`topic ${t.slug} briefs`, t.briefs]),
      ...model.outlets.map((o): [string, unknown] => [`outlet ${o.name} articles`, o.articles]),
      ["mentionsOf", model.mentionsOf(A("united-kingdom"))],
      ["quotesOf", model.quotesOf(A("nicolas-maduro"))],
      ["stancesOf", model.stancesOf(A("united-kingdom"))],
      ["coActorsOf", model.coActorsOf(A("united-kingdom"))],
      ["citationsOf", model.citationsOf("uk-pause" as ArticleId)],
    ];
    const thawed = frozen.filter(([, v]) => !Object.isFrozen(v)).map(([name]) => name);
    assert.deepEqual(thawed, []);
  });

  test("a layout cannot reorder a shared list by accident", () => {
    const list = model.mentionsOf(A("united-kingdom")) as Publication[];
    assert.throws(() => list.reverse());
    assert.equal(model.mentionsOf(A("united-kingdom"))[0]!.id, "strikes-response");
  });

  test("building twice from the same content gives the same model", () => {
    const again = buildModel(content, { pathPrefix: "/", includeDrafts: false });
    assert.deepEqual(ids(again.briefs), ids(model.briefs));
    assert.deepEqual(
      again.articles.map((a) => a.paragraphs.map((p) => p.html)),
      model.articles.map((a) => a.paragraphs.map((p) => p.html)),
    );
  });
});
