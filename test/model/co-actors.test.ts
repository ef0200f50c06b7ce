/**
 * Co-actors are weighted by shared briefs, not by documents: a story retold by three source
 * articles is still one story, so an actor quoted in many articles about one brief does not
 * outrank one that shares several briefs.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { addCoAppearances, type CoAppearanceCounts } from "../../src/model/co-actors.ts";
import type { SiteModel } from "../../src/model/types.ts";
import type { ActorId } from "../../src/validate/ids.ts";
import { fixtureModel } from "../helpers/content.ts";

const A = (id: string) => id as ActorId;

describe("addCoAppearances", () => {
  test("counts briefs and articles apart, both ways, and takes a document back exactly", () => {
    const counts: CoAppearanceCounts = new Map();
    const touched = new Set<ActorId>();
    addCoAppearances(counts, [A("a"), A("b")], 1, touched, "brief");
    addCoAppearances(counts, [A("a"), A("b"), A("c")], 1, touched, "article");
    assert.deepEqual(counts.get(A("a"))?.get(A("b")), { briefs: 1, articles: 1 });
    assert.deepEqual(counts.get(A("b"))?.get(A("a")), { briefs: 1, articles: 1 });
    assert.deepEqual(counts.get(A("c"))?.get(A("a")), { briefs: 0, articles: 1 });
    addCoAppearances(counts, [A("a"), A("b"), A("c")], -1, touched, "article");
    assert.deepEqual([...counts.get(A("a"))!], [[A("b"), { briefs: 1, articles: 0 }]]);
    assert.equal(counts.get(A("c"))?.size, 0, "no pair left at zero");
  });
});

describe("co-actors in the built model", () => {
  let model: SiteModel;
  before(async () => {
    model = await fixtureModel("actor-dossier");
  });

  test("strongest first by shared briefs, shared articles breaking ties", () => {
    // Harbour State: two briefs with the Port Authority; one brief and three articles with the
    // Coast Guild; three articles (as their outlet) with The Ledger.
    assert.deepEqual(
      model.coActorsOf(A("harbour-state")).map((c) => [c.actor.id, c.briefs, c.articles]),
      [
        ["port-authority", 2, 0],
        ["coast-guild", 1, 3],
        ["the-ledger", 0, 3],
      ],
    );
  });

  test("symmetric: each of two actors counts the other the same", () => {
    for (const a of model.actors)
      for (const c of model.coActorsOf(a.id)) {
        const back = model.coActorsOf(c.actor.id).find((x) => x.actor.id === a.id);
        assert.deepEqual([back?.briefs, back?.articles], [c.briefs, c.articles], `${a.id} ~ ${c.actor.id}`);
      }
  });
});
