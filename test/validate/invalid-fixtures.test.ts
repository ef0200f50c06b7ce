/**
 * One fixture folder per kind of editor mistake (test/fixtures/invalid/<case>). Each test checks
 * what the editor reads: the file, the line, the field path, the message and the hint.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { dump, errorsOf, locations, single, validateFixture, warningsOf } from "../helpers/content.ts";

const run = async (name: string) => (await validateFixture(`invalid/${name}`)).diagnostics;

describe("invalid fixtures", () => {
  test("unknown actor id typo: file, line, field and did-you-mean", async () => {
    const ds = await run("unknown-actor-typo");
    assert.equal(ds.length, 1, dump(ds));
    const d = single(ds, "briefs/uk-pause.md", "actors[0].id");
    assert.equal(d.severity, "error");
    assert.equal(d.line, 8);
    assert.match(d.message, /unknown actor 'united-kingdon'/);
    assert.match(d.message, /did you mean 'united-kingdom'\?/);
    assert.match(d.hint ?? "", /united-kingdom/);
  });

  test("unknown source article, with and without a close match", async () => {
    const ds = await run("unknown-source");
    assert.deepEqual(locations(ds), [
      "error briefs/uk-pause.md:8 (sources[1])",
      "error briefs/uk-pause.md:9 (sources[2])",
    ]);
    const typo = single(ds, "briefs/uk-pause.md", "sources[1]");
    assert.match(typo.message, /unknown article 'uk-halts-intell' — did you mean 'uk-halts-intel'\?/);
    const unrelated = single(ds, "briefs/uk-pause.md", "sources[2]");
    assert.match(unrelated.message, /unknown article 'budget-vote-2026'/);
    assert.doesNotMatch(unrelated.message, /did you mean/);
    assert.match(unrelated.hint ?? "", /content\/articles\//);
  });

  test("citation past the end of an article, in front matter and in the body", async () => {
    const ds = await run("citation-past-end");
    assert.deepEqual(locations(ds), [
      "error briefs/uk-pause.md:11 (body)",
      "error briefs/uk-pause.md:9 (key_points[0].cites[1])",
    ]);
    const fm = single(ds, "briefs/uk-pause.md", "key_points[0].cites[1]");
    assert.match(fm.message, /'uk-halts-intel#p99' points past the end: 'uk-halts-intel' has 3 paragraphs/);
    assert.match(fm.hint ?? "", /#p1 to #p3/);
    assert.match(single(ds, "briefs/uk-pause.md", "body").message, /'uk-halts-intel#p4' points past the end/);
  });

  test("citation of an article that is not in the brief's sources", async () => {
    const ds = await run("citation-not-in-sources");
    assert.equal(ds.length, 1, dump(ds));
    const d = single(ds, "briefs/uk-pause.md", "key_points[0].cites[0]");
    assert.equal(d.line, 9);
    assert.match(d.message, /'rubio-responds#p1' names an article that is not in this brief's sources/);
    assert.equal(d.hint, "add 'rubio-responds' to sources");
  });

  test("quote not verbatim: changed words and wrong paragraph fail, a '...' omission passes", async () => {
    const ds = await run("quote-not-verbatim");
    assert.deepEqual(locations(ds), [
      "error briefs/uk-pause.md:15 (quotes[1].text)",
      "error briefs/uk-pause.md:18 (quotes[2].text)",
    ]);
    assert.match(
      single(ds, "briefs/uk-pause.md", "quotes[1].text").message,
      /quote not found verbatim in uk-halts-intel#p2/,
    );
    assert.match(
      single(ds, "briefs/uk-pause.md", "quotes[2].text").message,
      /quote not found verbatim in uk-halts-intel#p3/,
    );
  });

  test("a name or alias owned by two actors", async () => {
    const ds = await run("duplicate-alias");
    assert.deepEqual(locations(ds), [
      "error actors/united-kingdom.yaml:1 (name)",
      "error actors/united-kingdom.yaml:4 (aliases[0])",
    ]);
    assert.equal(single(ds, "actors/united-kingdom.yaml", "aliases[0]").message, "'UK' already names actor 'ukraine'");
    assert.equal(
      single(ds, "actors/united-kingdom.yaml", "name").message,
      "'United Kingdom' already names actor 'uk-government'",
    );
  });

  test("the same slug in two subfolders of articles/ and briefs/", async () => {
    const { diagnostics: ds, validated } = await validateFixture("invalid/duplicate-slug");
    assert.equal(ds.length, 2, dump(ds));
    assert.match(
      single(ds, "articles/archive/uk-halts-intel.md").message,
      /duplicate article slug 'uk-halts-intel': articles\/2025\/uk-halts-intel\.md/,
    );
    assert.match(
      single(ds, "briefs/archive/uk-pause.md").message,
      /duplicate brief slug 'uk-pause': briefs\/2025\/uk-pause\.md/,
    );
    // The first one wins; the model never sees two pages at one address.
    assert.deepEqual(
      validated.content.briefs.map((b) => b.file),
      ["briefs/2025/uk-pause.md"],
    );
    assert.deepEqual(
      validated.content.articles.map((a) => a.file),
      ["articles/2025/uk-halts-intel.md"],
    );
  });

  test("impossible dates in date, events[].date and updates[].date", async () => {
    const ds = await run("impossible-date");
    assert.deepEqual(locations(ds), [
      "error briefs/uk-pause.md:12 (updates[0].date)",
      "error briefs/uk-pause.md:3 (date)",
      "error briefs/uk-pause.md:8 (events[0].date)",
    ]);
    assert.equal(
      single(ds, "briefs/uk-pause.md", "date").message,
      "impossible date '2026-02-30': 2026-02 has no day 30",
    );
    assert.match(single(ds, "briefs/uk-pause.md", "events[0].date").message, /no month 13/);
    assert.match(single(ds, "briefs/uk-pause.md", "updates[0].date").message, /2025-11 has no day 31/);
  });

  test("missing required fields, including an enum (status) and a nested one (actors[0].role)", async () => {
    const ds = await run("missing-title");
    assert.deepEqual(locations(ds), [
      "error briefs/uk-pause.md:2 (status)",
      "error briefs/uk-pause.md:2 (title)",
      "error briefs/uk-pause.md:6 (actors[0].role)",
    ]);
    assert.equal(single(ds, "briefs/uk-pause.md", "title").message, "missing required field 'title'");
    assert.equal(single(ds, "briefs/uk-pause.md", "status").message, "missing required field 'status'");
    assert.equal(single(ds, "briefs/uk-pause.md", "actors[0].role").message, "missing required field 'role'");
  });

  test("unknown field with did-you-mean, and one without a close match", async () => {
    const ds = await run("unknown-field");
    const typo = single(ds, "briefs/uk-pause.md", "tittle");
    assert.equal(typo.line, 2);
    assert.equal(typo.message, "unknown field 'tittle' — did you mean 'title'?");
    assert.equal(typo.hint, "rename it to 'title'");
    const other = single(ds, "briefs/uk-pause.md", "colour");
    assert.equal(other.line, 7);
    assert.equal(other.message, "unknown field 'colour'");
    // The misspelt title also leaves title missing; both are said at once.
    assert.equal(single(ds, "briefs/uk-pause.md", "title").message, "missing required field 'title'");
    assert.equal(ds.length, 3, dump(ds));
  });

  test("enum typos: status and actor kind", async () => {
    const ds = await run("enum-typo");
    const status = single(ds, "briefs/uk-pause.md", "status");
    assert.equal(status.line, 5);
    assert.equal(status.message, "'publishd' is not allowed here — did you mean 'published'?");
    assert.equal(status.hint, "use one of: draft, published");
    const kind = single(ds, "actors/harbour-news.yaml", "kind");
    assert.equal(kind.line, 2);
    assert.match(kind.message, /'media-outlt' is not allowed here — did you mean 'media-outlet'\?/);
    assert.equal(ds.length, 2, dump(ds));
  });

  test("bad references in a brief body: each on its own body line, code skipped", async () => {
    const ds = await run("bad-body-refs");
    assert.ok(
      ds.every((d) => d.file === "briefs/uk-pause.md" && d.field === "body"),
      dump(ds),
    );
    const byLine = (line: number) => ds.filter((d) => d.line === line).map((d) => d.message);
    assert.deepEqual(byLine(8), [], "valid links on the first body line");
    assert.deepEqual(byLine(10), ["unknown actor '[[no-such-actor]]'"]);
    assert.deepEqual(byLine(12), ["citation 'no-such#p1' names unknown article 'no-such'"]);
    assert.deepEqual(byLine(14), [], "code spans are not links");
    assert.deepEqual(byLine(17), [], "fenced code is not links");
    assert.deepEqual(byLine(20).sort(), [
      "'uk-halts-intel' in [@uk-halts-intel] is not a citation",
      "unknown actor '[[UK]]' — did you mean 'united-kingdom'?",
      "unknown actor '[[united-kingdon]]' — did you mean 'united-kingdom'?",
    ]);
    assert.equal(ds.length, 5, dump(ds));
    // The hint keeps the shown text of a [[text|id]] link.
    assert.ok(
      ds.some((d) => d.hint === "write [[Britain|united-kingdom]]"),
      dump(ds),
    );
  });

  test("actor affiliation: unknown, self, and typo with did-you-mean", async () => {
    const ds = await run("unknown-affiliation");
    assert.deepEqual(locations(ds), [
      "error actors/lone-wolf.yaml:4 (affiliation)",
      "error actors/marco-rubio.yaml:4 (affiliation)",
      "error actors/someone.yaml:3 (affiliation)",
    ]);
    assert.match(
      single(ds, "actors/marco-rubio.yaml").message,
      /unknown actor 'united-statez' — did you mean 'united-states'\?/,
    );
    assert.match(single(ds, "actors/someone.yaml").message, /unknown actor 'ministry-of-silly-walks'$/);
    assert.equal(single(ds, "actors/lone-wolf.yaml").message, "an actor cannot be affiliated with itself");
  });

  test("article outlet that is not a media outlet, and one that does not exist", async () => {
    const ds = await run("outlet-not-media");
    assert.deepEqual(locations(ds), [
      "error articles/country-outlet.md:3 (outlet)",
      "error articles/typo-outlet.md:4 (outlet)",
    ]);
    const country = single(ds, "articles/country-outlet.md");
    assert.equal(country.message, "'united-kingdom' is a country, not a media outlet");
    assert.match(country.hint ?? "", /kind: media-outlet/);
    assert.match(single(ds, "articles/typo-outlet.md").message, /did you mean 'harbour-news'\?/);
  });

  test("a brief body with <script> validates: escaping is the renderer's job", async () => {
    const { diagnostics, validated } = await validateFixture("invalid/script-body");
    assert.deepEqual(diagnostics, []);
    const brief = validated.content.briefs.find((b) => b.id === "uk-pause");
    assert.ok(brief);
    assert.match(brief.body, /^<script>alert\(1\)<\/script>$/m, "body kept as written");
    assert.equal(brief.title, "UK pauses <b>intelligence</b> sharing");
  });

  test("a file that fails the schema is reported once, not again at every reference to it", async () => {
    const ds = await run("broken-target");
    assert.deepEqual(locations(ds), [
      "error actors/united-kingdom.yaml:2 (kind)",
      "error articles/uk-halts-intel.md:3 (author)",
      "error briefs/uk-pause.md:13 (actors[2].id)",
      // The article is still readable, so a quote it does not contain is a real problem of its own.
      "error briefs/uk-pause.md:17 (quotes[0].text)",
    ]);
    assert.match(
      single(ds, "actors/united-kingdom.yaml").message,
      /'contry' is not allowed here — did you mean 'country'\?/,
    );
    assert.match(single(ds, "briefs/uk-pause.md", "actors[2].id").message, /^unknown actor 'france'$/);
  });

  test("every problem in every file is reported in one run", async () => {
    const ds = await run("many-problems");
    assert.deepEqual(warningsOf(ds), []);
    assert.deepEqual(locations(errorsOf(ds)), [
      "error actors/harbour-news.yaml:2 (kind)",
      "error articles/empty-article.md:3 (author)",
      // Files with schema errors are still checked for everything else (see the next test).
      "error articles/empty-article.md:5 ()",
      "error articles/uk-halts-intel.md:3 (published)",
      "error briefs/broken.md:2 (title)",
      "error briefs/uk-pause.md:11 (actors[2].id)",
      "error briefs/uk-pause.md:14 (events[0])",
      "error briefs/uk-pause.md:17 (body)",
      "error briefs/uk-pause.md:2 (dek)",
      "error briefs/uk-pause.md:7 (actors[0].id)",
    ]);
    assert.match(single(ds, "briefs/uk-pause.md", "events[0]").message, /needs a `date`, or a `when`/);
    assert.match(single(ds, "briefs/broken.md").message, /^YAML syntax: /);
  });

  test("a brief that fails the schema still has its references checked in the same run", async () => {
    const ds = await run("many-problems");
    // uk-pause.md lacks `dek`, and also lists a mistyped actor, an actor twice, and cites past the end.
    assert.ok(
      ds.some((d) => d.field === "actors[0].id" && /united-kingdon/.test(d.message)),
      dump(ds),
    );
    assert.ok(
      ds.some((d) => /listed twice/.test(d.message)),
      dump(ds),
    );
    assert.ok(
      ds.some((d) => d.field === "body" && /#p3' points past the end/.test(d.message)),
      dump(ds),
    );
    assert.ok(
      ds.some((d) => d.file === "articles/empty-article.md" && /has no text/.test(d.message)),
      dump(ds),
    );
  });

  test("body syntax is read as the page shows it: escaped and code are text, the last '|' names the actor, lines count through paragraphs and lists", async () => {
    const ds = await run("body-syntax");
    const at = (d: (typeof ds)[number]) => `${d.line} ${d.message}`;
    assert.deepEqual(ds.map(at), [
      "14 unknown actor '[[nobody]]'",
      "18 unknown actor '[[no-one]]'",
      "21 citation 'missing#p2' names unknown article 'missing'",
      "22 unknown actor '[[united-kingdon]]' — did you mean 'united-kingdom'?",
      "24 actor link '[[Someone|]]' names no actor",
    ]);
    assert.ok(
      ds.every((d) => d.file === "briefs/uk-pause.md" && d.field === "body" && d.hint),
      dump(ds),
    );
    assert.equal(ds[3]!.hint, "write [[Britain|united-kingdom]]");
  });

  test("links in a body: refused schemes in any spelling, autolinks, images, reference links and relative links, each on its line", async () => {
    const ds = await run("body-links");
    const at = (d: (typeof ds)[number]) => `${d.line} ${d.message}`;
    assert.deepEqual(ds.map(at), [
      "10 link not allowed: addresses starting with 'javascript:' are not allowed",
      "10 link not allowed: addresses starting with 'javascript:' are not allowed",
      "12 image not allowed: addresses starting with 'data:' are not allowed",
      "12 link not allowed: addresses starting with 'vbscript:' are not allowed",
      "16 relative link '../uk-review/' leads nowhere on the built site",
      "17 relative link '/about/' leads nowhere on the built site",
    ]);
    assert.ok(
      ds.every((d) => d.file === "briefs/uk-pause.md" && d.field === "body" && d.severity === "error"),
      dump(ds),
    );
    assert.match(ds[0]!.hint ?? "", /https:\/\//);
    assert.equal(
      ds[4]!.hint,
      "link to other pages with [[actor-id]] or citations; for the web write a full https:// address",
    );
  });

  test("names the generated addresses need: 'page' among paginated lists, 'outlet-not-stated', a topic too long for a folder, two topics on one page", async () => {
    const ds = await run("address-clashes");
    assert.deepEqual(locations(ds), [
      "error actors/outlet-not-stated.yaml:- ()",
      "error actors/page.yaml:- ()",
      "error briefs/page.md:- ()",
      "error briefs/uk-pause.md:11 (topics[3])",
      "error briefs/uk-pause.md:9 (topics[1])",
    ]);
    // The same topic in other words shares its page on purpose: page.md's 'intelligence-sharing' and 'C++'.
    assert.equal(
      single(ds, "briefs/uk-pause.md", "topics[3]").message,
      "topics 'C++' (briefs/page.md) and 'C#' would share the page /topics/c/",
    );
    assert.match(single(ds, "actors/page.yaml").message, /'page' is kept for page numbers: \/actors\/page\/2\//);
    assert.match(single(ds, "briefs/page.md").message, /\/briefs\/page\/2\/ is the second page/);
    assert.match(
      single(ds, "actors/outlet-not-stated.yaml").message,
      /'outlet-not-stated' is kept for \/outlets\/outlet-not-stated\//,
    );
    const topic = single(ds, "briefs/uk-pause.md", "topics[1]");
    assert.match(
      topic.message,
      /too long for a page address: \/topics\/intelligence-sharing…\/ would be 323 characters, at most 100 fit/,
    );
    assert.match(topic.hint ?? "", /shorten the topic/);
    assert.ok(
      ds.every((d) => d.hint),
      dump(ds),
    );
  });
});
