/**
 * Open data under /data/: the published briefs, actors, articles and events as JSON, and the
 * events as CSV, one row per event and actor, in the manner of ACLED or GDELT exports. The records
 * are defined here with zod: `.describe()` gives each field's meaning, docs/data.md lists the same
 * fields (test/render/open-data.test.ts checks the two agree) and the test parses every file with
 * these schemas. Drafts never appear, even in the preview. Addresses are absolute (site-address.ts).
 * JSON files hold one record per line inside the array, so a large file can be read line by line.
 */
import { z } from "zod";
import { stringify } from "csv-stringify/sync";
import type { RenderContext } from "../src/render/context.ts";
import type { Brief, Citation } from "../src/model/types.ts";
import { actorFeedPath } from "../src/model/urls.ts";
import { absoluteUrl, briefModified } from "./site-address.ts";

const url = (what: string) => z.string().describe(`The ${what}'s address on this site.`);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const citations = z
  .array(z.string())
  .describe("The cited paragraphs, as article addresses with `#pN` (the Nth paragraph).");
const orNull = <T extends z.ZodType>(schema: T) => schema.nullable();

const briefRecord = z.strictObject({
  id: z.string().describe("The brief's id (its file name)."),
  url: url("brief"),
  title: z.string().describe("The headline."),
  dek: z.string().describe("The one-line summary."),
  date: date.describe("When the brief was written, YYYY-MM-DD."),
  modified: date.describe("Its latest update's date, or `date` when it has none."),
  topics: z.array(z.string()).describe("Topic names."),
  sources: z.array(z.string()).describe("The ids of the articles it summarises (see articles.json)."),
  actors: z
    .array(
      z.strictObject({
        id: z.string().describe("The actor's id (see actors.json)."),
        role: z.string().describe("Its part in this story."),
        stance: orNull(z.string()).describe("Its position, as the sources report it, or null."),
        citations,
      }),
    )
    .describe("The actors in the story, with roles and stances."),
  key_points: z
    .array(z.strictObject({ text: z.string().describe("One statement, in the editor's words."), citations }))
    .describe("What a reader must know."),
  quotes: z
    .array(
      z.strictObject({
        actor: z.string().describe("Who said it, by actor id."),
        text: z.string().describe("The words, verbatim."),
        citation: z.string().describe("The paragraph that reports it."),
        context: orNull(z.string()).describe("When or where it was said, or null."),
      }),
    )
    .describe("Who said what."),
  updates: z
    .array(
      z.strictObject({
        date: date.describe("When."),
        kind: z.string().describe("`correction`, `development` or `clarification`."),
        text: z.string().describe("What changed."),
      }),
    )
    .describe("Dated corrections and developments, oldest first."),
});

const actorRecord = z.strictObject({
  id: z.string().describe("The actor's id (its file name)."),
  url: url("actor"),
  feed: z.string().describe("The Atom feed of the briefs naming it."),
  name: z.string().describe("Its display name."),
  kind: z
    .string()
    .describe("What sort of actor it is: `country`, `person`, `media-outlet`, … (docs/content-model.md lists them)."),
  aliases: z.array(z.string()).describe("Other names it goes by."),
  affiliation: orNull(z.string()).describe("The id of the actor it belongs to or acts for, or null."),
  role: orNull(z.string()).describe("Position or function, or null."),
  description: orNull(z.string()).describe("A sentence or two about it, or null."),
  mentions: z.number().int().describe("How many published briefs and articles name it."),
});

const articleRecord = z.strictObject({
  id: z.string().describe("The article's id (its file name)."),
  url: url("article"),
  title: z.string().describe("The source's headline, or an editor's title when it has none."),
  outlet: orNull(z.string()).describe("The outlet's actor id, or null when the source does not say."),
  outlet_name: orNull(z.string()).describe("The outlet's name, or null."),
  published: orNull(date).describe("Publication date, YYYY-MM-DD, or null when the source does not say."),
  source_url: orNull(z.string()).describe("Where the article was first published, or null."),
  byline: orNull(z.string()).describe("The author(s) as printed, or null."),
  paragraphs: z.number().int().describe("How many paragraphs it has (`#p1` … `#pN`)."),
  cited_by: z.array(z.string()).describe("The ids of the published briefs citing it."),
});

const eventRecord = z.strictObject({
  id: z.string().describe("`<brief id>/<n>`: the brief's nth event."),
  brief: z.string().describe("The id of the brief reporting it."),
  brief_url: z.string().describe("The brief's address."),
  date: orNull(z.string()).describe("`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as far as the source says; or null."),
  date_text: orNull(z.string()).describe("The source's own words for the time when no date can be given, or null."),
  what: z.string().describe("What happened, in one sentence."),
  actors: z.array(z.string()).describe("Who took part, by actor id."),
  citations,
});

/** events.csv's columns, in order: one row per event and actor (an event with no actor has one row). */
const eventRow = z.strictObject({
  event_id: z.string().describe("As in events.json."),
  date: z.string().describe("`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or empty."),
  date_text: z.string().describe("The source's words for the time when there is no date, or empty."),
  actor: z.string().describe("One actor taking part, by id (empty when none is named)."),
  actor_name: z.string().describe("That actor's name."),
  co_actors: z.string().describe("The event's other actors, by id, separated by `;`."),
  what: z.string().describe("What happened."),
  brief_url: z.string().describe("The brief reporting it."),
  source_urls: z.string().describe("The cited paragraphs' addresses, separated by spaces."),
});

type BriefRecord = z.infer<typeof briefRecord>;
type ActorRecord = z.infer<typeof actorRecord>;
type ArticleRecord = z.infer<typeof articleRecord>;
type EventRecord = z.infer<typeof eventRecord>;

/** The open-data files and their record schemas, in the order docs/data.md describes them. */
export const OPEN_DATA = {
  "briefs.json": briefRecord,
  "actors.json": actorRecord,
  "articles.json": articleRecord,
  "events.json": eventRecord,
  "events.csv": eventRow,
} as const;
export type OpenDataFile = keyof typeof OPEN_DATA;

const published = (ctx: RenderContext) => ctx.model.briefs.filter((b) => b.status === "published");
const cited = (ctx: RenderContext, cs: readonly Citation[]) => cs.map((c) => absoluteUrl(ctx, c.path));
const nullable = <T>(v: T | undefined): T | null => v ?? null;

/** A JSON array with one record per line: valid JSON, and readable a line at a time. */
const jsonArray = (records: readonly unknown[]) =>
  records.length === 0 ? "[]\n" : `[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;

function briefRecordOf(ctx: RenderContext, b: Brief): BriefRecord {
  return {
    id: b.id,
    url: absoluteUrl(ctx, b.path),
    title: b.title,
    dek: b.dek,
    date: b.date,
    modified: briefModified(b),
    topics: b.topics.map((t) => t.name),
    sources: [...b.sources],
    actors: b.actors.map((a) => ({
      id: a.id,
      role: a.role,
      stance: nullable(a.stance),
      citations: cited(ctx, a.cites),
    })),
    key_points: b.key_points.map((k) => ({ text: k.text, citations: cited(ctx, k.cites) })),
    quotes: b.quotes.map((q) => ({
      actor: q.actor,
      text: q.text,
      citation: absoluteUrl(ctx, q.cite.path),
      context: nullable(q.context),
    })),
    updates: b.updates.map((u) => ({ date: u.date, kind: u.kind, text: u.text })),
  };
}

function eventRecords(ctx: RenderContext): EventRecord[] {
  return published(ctx).flatMap((b) =>
    b.events.map((e, i) => ({
      id: `${b.id}/${i + 1}`,
      brief: b.id,
      brief_url: absoluteUrl(ctx, b.path),
      date: nullable(e.date),
      date_text: nullable(e.when),
      what: e.what,
      actors: [...e.actors],
      citations: cited(ctx, e.cites),
    })),
  );
}

function eventsCsv(ctx: RenderContext): string {
  const names = new Map<string, string>(ctx.model.actors.map((a) => [a.id, a.name]));
  const rows = eventRecords(ctx).flatMap((e) =>
    (e.actors.length > 0 ? e.actors : [""]).map((actor) => ({
      event_id: e.id,
      date: e.date ?? "",
      date_text: e.date_text ?? "",
      actor,
      actor_name: names.get(actor) ?? "",
      co_actors: e.actors.filter((a) => a !== actor).join(";"),
      what: e.what,
      brief_url: e.brief_url,
      source_urls: e.citations.join(" "),
    })),
  );
  // RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote or a line break.
  return stringify(rows, { header: true, columns: Object.keys(eventRow.shape), record_delimiter: "windows" });
}

/** One open-data file's text. */
export function openData(ctx: RenderContext, file: OpenDataFile): string {
  const { model } = ctx;
  const briefs = published(ctx);
  const live = new Set(briefs.map((b) => b.id));
  switch (file) {
    case "briefs.json":
      return jsonArray(briefs.map((b) => briefRecordOf(ctx, b)));
    case "actors.json":
      return jsonArray(
        model.actors.map((a): ActorRecord => ({
          id: a.id,
          url: absoluteUrl(ctx, a.path),
          feed: absoluteUrl(ctx, actorFeedPath(a.id)),
          name: a.name,
          kind: a.kind,
          aliases: [...a.aliases],
          affiliation: nullable(a.affiliation),
          role: nullable(a.role),
          description: nullable(a.description),
          mentions: model.mentionsOf(a.id).filter((d) => d.type === "article" || live.has(d.id)).length,
        })),
      );
    case "articles.json":
      return jsonArray(
        model.articles.map((a): ArticleRecord => ({
          id: a.id,
          url: absoluteUrl(ctx, a.path),
          title: a.title,
          outlet: nullable(a.outlet),
          outlet_name: nullable(a.outletName),
          published: nullable(a.published),
          source_url: nullable(a.url),
          byline: nullable(a.byline),
          paragraphs: a.paragraphs.length,
          cited_by: model
            .citationsOf(a.id)
            .filter((b) => live.has(b.id))
            .map((b) => b.id),
        })),
      );
    case "events.json":
      return jsonArray(eventRecords(ctx));
    case "events.csv":
      return eventsCsv(ctx);
  }
}
