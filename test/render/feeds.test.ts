/**
 * The feeds as feed readers see them: read by real feed parsers (@rowanmanning/feed-parser for
 * Atom, @extractus/feed-extractor for JSON Feed), never matched as strings. Each entry must carry
 * what a reader shows: author, summary (the dek), the key points, the topics, and when it changed.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { extractFromJson } from "@extractus/feed-extractor";
import { SaxesParser } from "saxes";
import { actorFeed, feed, jsonFeed } from "../../layouts/feed.ts";
import type { Brief } from "../../src/model/types.ts";
import type { ActorId } from "../../src/validate/ids.ts";
import { contextOf } from "./publishing-context.ts";

const ctx = await contextOf("valid-minimal");
const { model } = ctx;
const ORIGIN = "https://briefs.example.org/some-repo";

/** Feed readers refuse a document that is not well-formed XML; saxes is as strict as they are. */
function assertWellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
}

const latestChange = (b: Brief) => [b.date, ...b.updates.map((u) => u.date)].sort().at(-1)!;

describe("the site's Atom feed (/feed.xml)", () => {
  const xml = feed(ctx);
  const parsed = parseFeed(xml);

  test("is well-formed Atom naming the site, its page and itself", () => {
    assertWellFormed(xml);
    assert.equal(parsed.meta.type, "atom");
    assert.equal(parsed.title, model.site.title);
    assert.equal(parsed.description, model.site.tagline);
    assert.equal(parsed.url, `${ORIGIN}/`);
    assert.equal(parsed.self, `${ORIGIN}/feed.xml`);
    assert.equal(parsed.language, "en");
  });

  test("each published brief is an entry with its address, title, dek, author, key points and topics", () => {
    assert.deepEqual(
      parsed.items.map((i) => ({
        id: i.id,
        url: i.url,
        title: i.title,
        summary: i.description,
        authors: i.authors.map((a) => a.name),
        topics: i.categories.map((c) => c.label),
      })),
      model.briefs.map((b) => ({
        id: `${ORIGIN}${b.path}`,
        url: `${ORIGIN}${b.path}`,
        title: b.title,
        summary: b.dek,
        authors: [model.site.title],
        topics: b.topics.map((t) => t.name),
      })),
    );
    for (const [i, b] of model.briefs.entries())
      for (const k of b.key_points) assert.ok(parsed.items[i]!.content?.includes(k.text), `${b.id}: ${k.text}`);
  });

  test("an entry's published date is the brief's, its updated date the latest update's", () => {
    const withUpdates = model.briefs.filter((b) => b.updates.length > 0);
    assert.ok(withUpdates.length > 0, "the fixture has updated briefs");
    assert.deepEqual(
      parsed.items.map((i) => [i.published?.toISOString(), i.updated?.toISOString()]),
      model.briefs.map((b) => [`${b.date}T00:00:00.000Z`, `${latestChange(b)}T00:00:00.000Z`]),
    );
    // The feed changed when its newest entry did: a content date, never the build's clock.
    const newest = model.briefs.map(latestChange).sort().at(-1);
    assert.equal(parsed.updated?.toISOString(), `${newest}T00:00:00.000Z`);
  });

  test("an updated brief's entry says first what changed: its latest update or correction, dated", () => {
    for (const [i, b] of model.briefs.entries()) {
      const content = parsed.items[i]!.content ?? "";
      const latest = b.updates.at(-1);
      if (!latest) assert.doesNotMatch(content, /<strong>/, `${b.id} has no update to announce`);
      else
        assert.ok(
          content.startsWith(`<p><strong>${latest.kind[0]!.toUpperCase()}${latest.kind.slice(1)}, `) &&
            content.includes(latest.text),
          `${b.id}: ${content}`,
        );
    }
  });
});

describe("an actor's Atom feed (/actors/<id>/feed.xml)", () => {
  test("follows the actor: only the briefs naming it, linked back to its page", () => {
    for (const actor of model.actors) {
      const parsed = parseFeed(actorFeed(ctx, actor));
      const naming = model.briefs.filter((b) => b.mentions.includes(actor.id as ActorId));
      assert.equal(parsed.url, `${ORIGIN}${actor.path}`);
      assert.equal(parsed.self, `${ORIGIN}${actor.path}feed.xml`);
      assert.match(parsed.title ?? "", new RegExp(`^${actor.name}`));
      assert.deepEqual(
        parsed.items.map((i) => i.url),
        naming.map((b) => `${ORIGIN}${b.path}`),
        actor.id,
      );
    }
  });
});

describe("the JSON Feed (/feed.json)", () => {
  const text = jsonFeed(ctx);
  const raw = JSON.parse(text) as Record<string, unknown> & { items: Record<string, unknown>[] };

  test("is JSON Feed 1.1 with the same entries as the Atom feed", () => {
    assert.equal(raw.version, "https://jsonfeed.org/version/1.1");
    const read = extractFromJson(text, {
      useISODateFormat: true,
      getExtraEntryFields: (e: Record<string, unknown>) => ({
        summary: e.summary,
        tags: e.tags,
        authors: e.authors,
        content: e.content_html,
        modified: e.date_modified,
      }),
    });
    assert.equal(read.title, model.site.title);
    assert.equal(read.link, `${ORIGIN}/`);
    assert.deepEqual(
      read.entries?.map((e) => {
        const x = e as typeof e & {
          summary: string;
          tags: string[];
          authors: { name: string }[];
          modified?: string;
        };
        return [x.link, x.title, x.summary, x.published, x.modified, x.tags, x.authors.map((a) => a.name)];
      }),
      model.briefs.map((b) => [
        `${ORIGIN}${b.path}`,
        b.title,
        b.dek,
        `${b.date}T00:00:00.000Z`,
        b.updates.length > 0 ? `${latestChange(b)}T00:00:00.000Z` : undefined,
        b.topics.map((t) => t.name),
        [model.site.title],
      ]),
    );
  });
});

describe("text no validation would let through still makes valid feeds", () => {
  const [first, ...rest] = model.briefs;
  const hostile = {
    ...ctx,
    model: {
      ...model,
      site: { ...model.site, title: "Desk\u001b]0;owned\u0007 & <b>co</b>", tagline: "Tag\u0000line ]]> end" },
      briefs: [
        { ...first!, title: "Rubio <b>&</b>\u001b[2J says\u0085 no\u007f ]]>", dek: "Dek\u000bwith\ufffe controls" },
        ...rest,
      ],
    },
  };

  test("control characters are dropped, and markup, ampersands and ]]> stay the text they are", () => {
    for (const xml of [feed(hostile)]) {
      assertWellFormed(xml);
      const parsed = parseFeed(xml);
      assert.equal(parsed.title, "Desk]0;owned & <b>co</b>");
      assert.equal(parsed.description, "Tagline ]]> end");
      assert.equal(parsed.items[0]!.title, "Rubio <b>&</b>[2J says no ]]>");
      assert.equal(parsed.items[0]!.description, "Dekwith controls");
    }
  });
});
