/**
 * Related briefs: what shares a rare actor ranks above what shares only common ones, equal scores
 * go to the newer brief, drafts and the brief itself never appear, and a very common actor is read
 * only around the brief's own date (the bounded work that keeps 10,000 briefs near-linear).
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { CANDIDATE_VISITS, relatedBriefsOf } from "../../src/model/related.ts";
import type { Actor, Brief, SiteModel } from "../../src/model/types.ts";
import type { ActorId, BriefId } from "../../src/validate/ids.ts";
import { fixtureModel } from "../helpers/content.ts";

/** The fields relatedness reads. */
interface Sketch {
  id: string;
  date: string;
  actors?: string[];
  topics?: string[];
  draft?: boolean;
}
const briefOf = (s: Sketch) =>
  ({
    id: s.id,
    date: s.date,
    status: s.draft ? "draft" : "published",
    mentions: s.actors ?? [],
    topics: (s.topics ?? []).map((t) => ({ name: t, slug: t.toLowerCase(), path: `/topics/${t.toLowerCase()}/` })),
  }) as unknown as Brief;
const actorById = (ids: string[]) =>
  new Map(ids.map((id) => [id as ActorId, { id, name: id.toUpperCase(), path: `/actors/${id}/` } as unknown as Actor]));

/** The briefs as the model lists them: newest first. */
const newestFirst = (sketches: Sketch[]) =>
  sketches.map(briefOf).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

/** Each brief's related briefs' ids. */
function relatedIds(sketches: Sketch[], actors: string[]) {
  const related = relatedBriefsOf(newestFirst(sketches), actorById(actors));
  return (id: string): string[] => related.get(id as BriefId)!.map((r) => r.brief.id);
}

describe("relatedBriefsOf", () => {
  test("one rare actor in common outweighs two common ones", () => {
    // Ten briefs name "us"; six name "uk"; only "x" and "a" name "rare".
    const filler = Array.from({ length: 6 }, (_, i) => ({
      id: `f${i}`,
      date: `2025-01-0${i + 1}`,
      actors: ["us", "uk"],
    }));
    const of = relatedIds(
      [
        { id: "x", date: "2025-02-01", actors: ["us", "uk", "rare"] },
        { id: "a", date: "2025-01-20", actors: ["us", "rare"] },
        { id: "b", date: "2025-01-21", actors: ["us", "uk"] },
        { id: "c", date: "2025-01-22", actors: ["us"] },
        ...filler.slice(0, 6),
      ],
      ["us", "uk", "rare"],
    );
    assert.equal(of("x")[0], "a", "the brief sharing the rare actor comes first");
    assert.deepEqual(of("x").slice(1, 3), ["b", "f5"], "then those sharing two common actors, newer first");
  });

  test("says what is shared, rarest first; topics count; equal scores go to the newer brief", () => {
    const briefs = newestFirst([
      { id: "x", date: "2025-03-01", actors: ["us", "rubio"], topics: ["Venezuela"] },
      { id: "y", date: "2025-02-01", actors: ["us", "rubio"], topics: ["Venezuela"] },
      { id: "z", date: "2025-01-01", actors: ["us"] },
      { id: "w", date: "2025-01-02", topics: ["Venezuela"] },
    ]);
    const related = relatedBriefsOf(briefs, actorById(["us", "rubio"])).get("x" as BriefId)!;
    assert.deepEqual(
      related.map((r) => [r.brief.id, r.shared.map((s) => s.name)]),
      [
        ["y", ["RUBIO", "US", "Venezuela"]],
        ["w", ["Venezuela"]],
        ["z", ["US"]],
      ],
    );
    assert.ok(related[0]!.score > related[1]!.score);
  });

  test("at most five, never itself, never a draft; a draft gets related briefs of its own", () => {
    const of = relatedIds(
      [
        ...Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, date: `2025-01-0${i + 1}`, actors: ["us"] })),
        { id: "d", date: "2025-02-01", actors: ["us"], draft: true },
      ],
      ["us"],
    );
    assert.deepEqual(of("p0"), ["p7", "p6", "p5", "p4", "p3"]);
    assert.deepEqual(of("d"), ["p7", "p6", "p5", "p4", "p3"]);
    for (let i = 0; i < 8; i++) assert.ok(!of(`p${i}`).includes("d") && !of(`p${i}`).includes(`p${i}`));
  });

  test("briefs sharing nothing are not related", () => {
    const of = relatedIds(
      [
        { id: "a", date: "2025-01-01", actors: ["us"], topics: ["Trade"] },
        { id: "b", date: "2025-01-02", actors: ["uk"], topics: ["Energy"] },
      ],
      ["us", "uk"],
    );
    assert.deepEqual(of("a"), []);
  });

  test("an actor in thousands of briefs is read only around the brief's date", () => {
    const n = 3000;
    assert.ok(CANDIDATE_VISITS * 2 < n, "the allowance is far below the actor's briefs");
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const sketches = Array.from({ length: n }, (_, i) => ({ id: `b${i}`, date: day(i), actors: ["us"] }));
    const of = relatedIds(sketches, ["us"]);
    // b1500 sits at place 1499 of the newest-first list; every brief found is within the allowance of it.
    const places = of("b1500").map((id) => n - 1 - Number(id.slice(1)));
    assert.equal(places.length, 5);
    for (const p of places) assert.ok(Math.abs(p - 1499) <= CANDIDATE_VISITS / 2, `place ${p}`);
  });
});

describe("related briefs in the built model", () => {
  let model: SiteModel;
  before(async () => {
    model = await fixtureModel("cross-links");
  });

  test("each published brief's related briefs and what they share", () => {
    const shown = (id: string) =>
      model.relatedOf(id as BriefId).map((r) => `${r.brief.id}: ${r.shared.map((s) => s.name).join(", ")}`);
    assert.deepEqual(shown("strikes-response"), [
      "memo-brief: United States, US Navy, Caribbean strikes",
      "uk-review: United Kingdom, Intelligence Sharing",
    ]);
    assert.deepEqual(shown("uk-review"), ["strikes-response: United Kingdom, Intelligence Sharing"]);
    assert.equal(model.relatedOf("no-such-brief" as BriefId).length, 0);
  });
});
