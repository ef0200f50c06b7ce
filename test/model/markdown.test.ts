/**
 * A brief's body as a reader gets it: actor links and citation chips under the deployment's path
 * prefix, editor HTML shown as text, no javascript: links, and headings below the page title.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { buildModel } from "../../src/model/build-model.ts";
import { markdownRenderer, type LinkResolver } from "../../src/model/markdown.ts";
import { en } from "../../src/words/en.ts";
import { mentionMatcher } from "../../src/model/mention-matcher.ts";
import type { SiteModel } from "../../src/model/types.ts";
import type { ActorId, ArticleId, ParagraphRef } from "../../src/validate/ids.ts";
import { dump, errorsOf, validateFixture } from "../helpers/content.ts";

const PREFIX = "/some-repo/";

/** A resolver over a fixed little world, so the renderer is tested without the rest of the model. */
const resolver: LinkResolver = {
  showCitedText: en.showCitedText,
  actor: (id: ActorId) =>
    ({
      "united-kingdom": { name: "United Kingdom", href: `${PREFIX}actors/united-kingdom/` },
      "tom-o-neil": { name: "Tom <O'Neil>", href: `${PREFIX}actors/tom-o-neil/` },
    })[id as string],
  citation: (ref: ParagraphRef) =>
    ref.article === ("known" as ArticleId)
      ? {
          ref,
          path: `/articles/known/#p${ref.paragraph}` as never,
          href: `${PREFIX}articles/known/#p${ref.paragraph}`,
          label: `Harbour & Co ¶${ref.paragraph}`,
          source: "Harbour & Co",
          title: `"Known" article, paragraph ${ref.paragraph}`,
        }
      : undefined,
};
const md = markdownRenderer(
  mentionMatcher(
    new Map([
      ["United Kingdom", "united-kingdom" as ActorId],
      ["UK", "united-kingdom" as ActorId],
    ]),
  ),
);
const brief = (body: string) => md.brief(body, resolver).html as string;

describe("brief Markdown", () => {
  test("[[id]] links to the actor page under the path prefix, shown with the actor's name", () => {
    assert.equal(
      brief("See [[united-kingdom]] now."),
      `<p>See <a class="actor" href="/some-repo/actors/united-kingdom/">United Kingdom</a> now.</p>\n`,
    );
  });

  test("[[text|id]] shows the editor's text and links to the actor", () => {
    const out = brief("[[the British government|united-kingdom]] said");
    assert.match(out, /<a class="actor" href="\/some-repo\/actors\/united-kingdom\/">the British government<\/a> said/);
    assert.doesNotMatch(out, /United Kingdom/);
  });

  test("actor names and link text are escaped", () => {
    const out = brief("[[tom-o-neil]] and [[<i>x</i>|tom-o-neil]]");
    assert.match(out, />Tom &lt;O&#39;Neil&gt;<\/a>/);
    assert.match(out, />&lt;i&gt;x&lt;\/i&gt;<\/a>/);
    assert.doesNotMatch(out, /<i>/);
  });

  test("an unknown actor id renders as plain text, not a link", () => {
    const out = brief("Ask [[france]] or [[the French|france]].");
    assert.equal(out, "<p>Ask france or the French.</p>\n");
  });

  test("a citation group is one button labelled with its source, opening the group's popover (a link without popovers)", () => {
    const out = brief("It happened [@known#p2, @known#p11].");
    const group = /^<p>It happened <span class="cites"[^>]*>(.*)<\/span>\.<\/p>\n$/.exec(out);
    assert.ok(group, out);
    assert.equal(
      group[1],
      '<button type="button" class="cite" popovertarget="cite-known-p2_known-p11">Harbour &amp; Co<span class="visually-hidden"> (show cited text)</span></button>' +
        '<a class="cite cite-link" href="#cite-known-p2_known-p11">Harbour &amp; Co</a>',
    );
  });

  test("a citation of an unknown article is left out of its group", () => {
    const out = brief("It happened [@missing#p1, @known#p1].");
    assert.doesNotMatch(out, /missing/);
    assert.equal((out.match(/popovertarget="cite-known-p1"/g) ?? []).length, 1);
  });

  test("raw HTML in a body is shown as text: no script, no img, no event handler attributes", () => {
    const out = brief(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\nInline <b onclick="x()">bold</b> and <a href="https://evil">a</a>.',
    );
    assert.doesNotMatch(out, /<script/i);
    assert.doesNotMatch(out, /<img/i);
    assert.doesNotMatch(out, /<b[ >]/i);
    assert.doesNotMatch(out, /<a href="https:\/\/evil"/);
    assert.match(out, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(out, /&lt;img src=x onerror=&quot;alert\(2\)&quot;&gt;/);
  });

  test("javascript:, vbscript: and data: links are not rendered as links", () => {
    for (const url of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "vbscript:msgbox(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
    ]) {
      const out = brief(`[x](${url}) and <${url}>`);
      assert.doesNotMatch(out, /<a /, `${url} became a link: ${out}`);
    }
    assert.match(brief("[ok](https://example.org/a)"), /<a href="https:\/\/example.org\/a">ok<\/a>/);
  });

  test("headings shift down one level: the page title is the only h1", () => {
    const out = brief("# One\n\n## Two\n\n###### Six\n\nSetext\n======\n");
    assert.match(out, /<h2>One<\/h2>/);
    assert.match(out, /<h3>Two<\/h3>/);
    assert.match(out, /<h6>Six<\/h6>/);
    assert.match(out, /<h2>Setext<\/h2>/);
    assert.doesNotMatch(out, /<h1/);
  });

  test("briefing syntax inside code is left as written", () => {
    const out = brief("`[[united-kingdom]] [@known#p1]`\n\n```\n[[united-kingdom]]\n```\n");
    assert.doesNotMatch(out, /class="actor"|class="cite"/);
    assert.match(out, /<code>\[\[united-kingdom\]\] \[@known#p1\]<\/code>/);
  });

  test("ordinary Markdown links and emphasis still work next to the briefing syntax", () => {
    const out = brief("*Note*: [[united-kingdom]] [source](https://example.org) [@known#p1]");
    assert.match(out, /<em>Note<\/em>/);
    assert.match(out, /class="actor"/);
    assert.match(out, /<a href="https:\/\/example.org">source<\/a>/);
    assert.match(out, /class="cite"/);
  });
});

describe("source article paragraphs", () => {
  test("shown as written: Markdown and HTML are not interpreted", () => {
    const out = md.articleParagraph("*not emphasis* <b>and</b> [not](a-link) & more", resolver, new Set(), new Set());
    assert.equal(out, "*not emphasis* &lt;b&gt;and&lt;/b&gt; [not](a-link) &amp; more");
  });

  test("links the first mention of each actor across paragraphs, and records every mention", () => {
    const linked = new Set<ActorId>();
    const mentioned = new Set<ActorId>();
    const p1 = md.articleParagraph("The United Kingdom said the UK would wait.", resolver, linked, mentioned);
    const p2 = md.articleParagraph("The UK’s view.", resolver, linked, mentioned);
    assert.equal(
      p1,
      'The <a class="actor" href="/some-repo/actors/united-kingdom/">United Kingdom</a> said the UK would wait.',
    );
    assert.equal(p2, "The UK’s view.");
    assert.deepEqual([...mentioned], ["united-kingdom"]);
  });
});

describe("brief bodies in the built model", () => {
  let model: SiteModel;
  before(async () => {
    const run = await validateFixture("cross-links");
    assert.deepEqual(errorsOf(run.diagnostics), [], dump(run.diagnostics));
    model = buildModel(run.validated.content, { pathPrefix: PREFIX, includeDrafts: false });
  });

  test("actor links carry the prefix; citations name the outlet and are kept, per group, for the page's popovers", () => {
    const b = model.briefs.find((x) => x.id === "uk-review");
    assert.ok(b);
    const body = b.bodyHtml as string;
    assert.match(body, /<a class="actor" href="\/some-repo\/actors\/united-kingdom\/">United Kingdom<\/a>/);
    assert.match(body, /<a class="actor" href="\/some-repo\/actors\/keir-starmer\/">The prime minister<\/a>/);
    assert.match(body, /<button type="button" class="cite" popovertarget="cite-uk-pause-p1_uk-pause-p2">Harbour News</);
    assert.deepEqual(
      b.bodyCitations.map((g) => g.map((c) => c.label)),
      [["Harbour News ¶1", "Harbour News ¶2"], ["Harbour News ¶3"]],
    );
    assert.match(body, /<h2>Background<\/h2>/);
  });

  test("the hostile fixture body renders inert", () => {
    const body = model.briefs.find((x) => x.id === "uk-review")!.bodyHtml as string;
    assert.doesNotMatch(body, /<script|<img|javascript:alert\(1\)"/i);
    assert.doesNotMatch(body, /href="javascript:/i);
    assert.match(body, /&lt;script&gt;/);
  });

  test("a source without an outlet is labelled with a short form of its title", () => {
    const b = model.briefs.find((x) => x.id === "memo-brief")!;
    const chip = /popovertarget="cite-unsourced-memo-p2">([^<]*)</.exec(b.bodyHtml);
    assert.ok(chip, b.bodyHtml);
    assert.match(chip[1]!, /^A memo circulated.*…$/);
    assert.ok(chip[1]!.length < "A memo circulated among Caribbean coast guards".length, "label is shortened");
  });
});
