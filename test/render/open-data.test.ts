/**
 * The open data as its users read it: every JSON file through JSON.parse and the record schemas,
 * events.csv through a real CSV parser (csv-parse, strict about quoting), each checked against
 * the model it came from; and docs/data.md against the same schemas, field by field.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { OPEN_DATA, openData, type OpenDataFile } from "../../layouts/open-data.ts";
import type { RenderContext } from "../../src/render/context.ts";
import { contextOf } from "./publishing-context.ts";
import { fieldsOf } from "./open-data-fields.ts";

// Built with drafts, as the preview is: the data must still hold none.
const ctx = await contextOf("cross-links", { includeDrafts: true });
const { model } = ctx;
const ORIGIN = "https://briefs.example.org/some-repo";
const published = model.briefs.filter((b) => b.status === "published");

/** A JSON file's records, each parsed by its schema (which refuses any field it does not define). */
function records<F extends Exclude<OpenDataFile, "events.csv">>(
  file: F,
  c: RenderContext = ctx,
): z.infer<(typeof OPEN_DATA)[F]>[] {
  const text = openData(c, file);
  const parsed = JSON.parse(text) as unknown[];
  // One record per line inside the array: a reader can stream it.
  assert.equal(text.trim().split("\n").length, parsed.length === 0 ? 1 : parsed.length + 2, file);
  return parsed.map((r) => OPEN_DATA[file].parse(r) as z.infer<(typeof OPEN_DATA)[F]>);
}

const csvRows = (c: RenderContext = ctx) =>
  parseCsv(openData(c, "events.csv"), { columns: true, bom: true }) as Record<string, string>[];

describe("the JSON files", () => {
  test("a draft is never published, even from a model holding drafts", () => {
    assert.ok(
      model.briefs.some((b) => b.status === "draft"),
      "the fixture has a draft",
    );
    assert.deepEqual(
      records("briefs.json").map((b) => b.id),
      published.map((b) => b.id),
    );
    const drafts = new Set<string>(model.briefs.filter((b) => b.status === "draft").map((b) => b.id));
    for (const file of ["briefs.json", "actors.json", "articles.json", "events.json", "events.csv"] as const)
      for (const d of drafts) assert.doesNotMatch(openData(ctx, file), new RegExp(`briefs/${d}/|"${d}"`), file);
  });

  test("briefs carry their actors with roles and stances, and citations as article address + #pN", () => {
    for (const [i, r] of records("briefs.json").entries()) {
      const b = published[i]!;
      assert.equal(r.url, `${ORIGIN}${b.path}`);
      assert.deepEqual(
        r.actors.map((a) => [a.id, a.role, a.stance]),
        b.actors.map((a) => [a.id, a.role, a.stance ?? null]),
      );
      for (const c of [...r.actors, ...r.key_points].flatMap((x) => x.citations)) {
        const m = /^https:\/\/briefs\.example\.org\/some-repo\/articles\/([a-z0-9-]+)\/#p(\d+)$/.exec(c);
        assert.ok(m, c);
        const article = model.article(m[1] as never);
        assert.ok(article && Number(m[2]) <= article.paragraphs.length, `${c} names a paragraph that exists`);
      }
    }
  });

  test("actors, articles and events are the model's, with the same ids and addresses", () => {
    assert.deepEqual(
      records("actors.json").map((a) => [a.id, a.url, a.feed]),
      model.actors.map((a) => [a.id, `${ORIGIN}${a.path}`, `${ORIGIN}${a.path}feed.xml`]),
    );
    assert.deepEqual(
      records("articles.json").map((a) => [a.id, a.url, a.paragraphs]),
      model.articles.map((a) => [a.id, `${ORIGIN}${a.path}`, a.paragraphs.length]),
    );
    const events = published.flatMap((b) => b.events.map((e) => [b.id, e.what, e.date ?? null, e.when ?? null]));
    assert.ok(events.length > 0);
    assert.deepEqual(
      records("events.json").map((e) => [e.brief, e.what, e.date, e.date_text]),
      events,
    );
  });
});

describe("events.csv", () => {
  test("opens in a real CSV parser: one row per event and actor, the columns docs/data.md names", () => {
    const rows = csvRows();
    assert.deepEqual(Object.keys(rows[0]!), Object.keys(OPEN_DATA["events.csv"].shape));
    for (const row of rows) OPEN_DATA["events.csv"].parse(row);
    const expected = published.flatMap((b) =>
      b.events.flatMap((e) => (e.actors.length > 0 ? e.actors : [""]).map((a) => [b.id, a, e.what])),
    );
    assert.deepEqual(
      rows.map((r) => [r.brief_url!.replace(`${ORIGIN}/briefs/`, "").replace(/\/$/, ""), r.actor, r.what]),
      expected,
    );
    for (const r of rows.filter((x) => x.actor))
      assert.equal(r.co_actors!.split(";").includes(r.actor!), false, "an actor is not its own co-actor");
  });

  test("commas, quotes and line breaks in content survive the round trip (RFC 4180 quoting)", () => {
    const [first, ...rest] = published;
    const tricky = 'Talks, then "a pause";\r\nstrikes resume, 2 days later';
    const event = { ...first!.events[0]!, what: tricky };
    const hostile = {
      ...ctx,
      model: { ...model, briefs: [{ ...first!, events: [event, ...first!.events.slice(1)] }, ...rest] },
    };
    const text = openData(hostile, "events.csv");
    assert.match(text, /\r\n$/, "CRLF line ends");
    assert.equal(csvRows(hostile)[0]!.what, tricky);
  });
});

describe("docs/data.md", () => {
  test("lists every field of every file with the schema's meaning, and no other", async () => {
    const doc = await readFile(path.resolve(import.meta.dirname, "../../docs/data.md"), "utf8");
    for (const [file, schema] of Object.entries(OPEN_DATA)) {
      const section = doc.split(/^## /m).find((s) => s.startsWith(`${file}\n`));
      assert.ok(section, `docs/data.md has a section "## ${file}"`);
      const documented = section
        .split("\n")
        .filter((l) => l.startsWith("| `"))
        .map((l) => {
          const [, field, meaning] = l.split(/\s*\|\s*/);
          return { field: field!.replace(/^`|`$/g, ""), meaning: meaning! };
        });
      assert.deepEqual(documented, fieldsOf(schema as z.ZodObject), file);
    }
  });
});
