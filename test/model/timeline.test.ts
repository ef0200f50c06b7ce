/**
 * The timeline: each event once, however many briefs list it (merged when they cite the same
 * paragraphs or say the same thing on the same date), dated events newest first, and events the
 * source dates only in words after them, never placed at the date of the brief reporting them.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { timelineOf, type ListedEvent } from "../../src/model/timeline.ts";
import type { Brief, Citation, CitedEvent, SiteModel } from "../../src/model/types.ts";
import { fixtureModel } from "../helpers/content.ts";

const brief = (id: string, date: string) => ({ id, date }) as unknown as Brief;
const cite = (ref: string): Citation => {
  const [article, n] = ref.split("#p");
  return { ref: { article, paragraph: Number(n) }, label: ref } as unknown as Citation;
};
const listed = (
  b: Brief,
  what: string,
  time: { date?: string; when?: string },
  cites: string[],
  actors: string[] = [],
): ListedEvent => ({ brief: b, event: { what, ...time, cites: cites.map(cite), actors } as unknown as CitedEvent });

const A = brief("a", "2026-11-23");
const B = brief("b", "2026-11-20");

describe("timelineOf", () => {
  test("one event listed by two briefs citing the same paragraphs is one entry naming both briefs", () => {
    const t = timelineOf([
      listed(A, "Rubio rejects the reports.", { when: '"On Wednesday" (second article)' }, ["rift#p2"], ["rubio"]),
      listed(B, "Rubio tells the press the reports are wrong.", { when: '"On Wednesday"' }, ["rift#p2"], ["us"]),
    ]);
    assert.equal(t.length, 1);
    assert.deepEqual(
      t[0]!.briefs.map((b) => b.id),
      ["a", "b"],
    );
    assert.equal(t[0]!.event.what, "Rubio rejects the reports.", "the newest brief's wording");
    assert.deepEqual(t[0]!.actors, ["rubio", "us"]);
  });

  test("the same words on the same date merge; the same paragraphs at different times do not", () => {
    const t = timelineOf([
      listed(A, "The pause begins.", { date: "2025-11-01" }, ["x#p1"]),
      listed(B, "The pause  begins", { date: "2025-11-01" }, ["y#p4"]),
      listed(A, "Strikes begin.", { when: '"last September"' }, ["rift#p3"]),
      listed(B, "The UK opts out.", { when: '"recent reports"' }, ["rift#p3"]),
    ]);
    assert.deepEqual(
      t.map((e) => [e.event.what, e.briefs.length, e.cites.map((c) => c.label)]),
      [
        ["The pause begins.", 2, ["x#p1", "y#p4"]],
        ["Strikes begin.", 1, ["rift#p3"]],
        ["The UK opts out.", 1, ["rift#p3"]],
      ],
    );
  });

  test("dated events newest first (a day before its month), then those dated only in words, in brief order", () => {
    const t = timelineOf([
      listed(A, "Undated", { when: "not stated" }, ["u#p1"]),
      listed(A, "October", { date: "2025-10" }, ["o#p1"]),
      listed(B, "Day in October", { date: "2025-10-05" }, ["d#p1"]),
      listed(B, "November", { date: "2025-11-02" }, ["n#p1"]),
    ]);
    assert.deepEqual(
      t.map((e) => [e.event.what, e.date]),
      [
        ["November", "2025-11-02"],
        ["Day in October", "2025-10-05"],
        ["October", "2025-10"],
        ["Undated", undefined],
      ],
    );
  });
});

describe("the built model's timeline", () => {
  let model: SiteModel;
  before(async () => {
    model = await fixtureModel("cross-links");
  });

  test("an event dated only in words is listed after the dated ones, not at its brief's date", () => {
    assert.deepEqual(
      model.timeline.map((t) => [t.date, t.briefs.map((b) => b.id), t.event.what]),
      [
        ["2025-11-14", ["memo-brief"], "The memo circulates."],
        ["2025-11-01", ["uk-review"], "The pause begins."],
        ["2025-10", ["strikes-response"], "Strikes in the Caribbean begin."],
        [undefined, ["strikes-response"], "The US Navy strikes a vessel."],
      ],
    );
  });
});
