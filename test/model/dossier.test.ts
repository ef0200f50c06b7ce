/**
 * An actor's dossier: each quote once however many briefs repeat it, stances oldest first with
 * their briefs' dates, the events naming it in date order, and its first and latest mention.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { dossierOf } from "../../src/model/dossier.ts";
import type { ActorQuote, Brief, CitedQuote, SiteModel, TimelineEntry } from "../../src/model/types.ts";
import type { ActorId } from "../../src/validate/ids.ts";
import { fixtureModel } from "../helpers/content.ts";

const brief = (id: string) => ({ id }) as unknown as Brief;
const said = (text: string, b: Brief): ActorQuote => ({ quote: { text } as CitedQuote, brief: b });
const event = (what: string, date?: string) =>
  ({ event: { what }, ...(date ? { date } : {}) }) as unknown as TimelineEntry;

describe("dossierOf", () => {
  test("a quote repeated by several briefs is shown once, naming each brief", () => {
    const [a, b] = [brief("a"), brief("b")];
    const d = dossierOf([said("We will respond.", a), said("we will  respond", b), said("Other.", b)], [], [], []);
    assert.deepEqual(
      d.quotes.map((q) => [q.quote.text, q.briefs.map((x) => x.id)]),
      [
        ["We will respond.", ["a", "b"]],
        ["Other.", ["b"]],
      ],
    );
  });

  test("events oldest first, those dated only in words last", () => {
    const d = dossierOf([], [], [event("Nov", "2025-11"), event("Oct", "2025-10-02"), event("Words")], []);
    assert.deepEqual(
      d.events.map((e) => e.event.what),
      ["Oct", "Nov", "Words"],
    );
  });
});

describe("an actor's dossier in the built model", () => {
  let model: SiteModel;
  before(async () => {
    model = await fixtureModel("cross-links");
  });

  test("stances oldest brief first, the events it takes part in, its first and latest mention", () => {
    const d = model.dossierOf("united-kingdom" as ActorId);
    assert.deepEqual(
      d.stances.map((s) => [s.brief.date, s.brief.id, s.stance]),
      [
        ["2025-11-11", "uk-review", "will not share intelligence used for lethal strikes"],
        ["2025-11-13", "strikes-response", undefined],
      ],
    );
    assert.deepEqual(
      d.events.map((e) => e.event.what),
      ["The pause begins."],
    );
    assert.equal(d.firstMention?.id, "uk-pause");
    assert.equal(d.latestMention?.id, "strikes-response");
  });
});
