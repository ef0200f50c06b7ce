import assert from "node:assert/strict";
import { test } from "node:test";
import { dump, validateFixture } from "../helpers/content.ts";

test("valid-minimal fixture: zero errors and zero warnings", async () => {
  const { diagnostics } = await validateFixture("valid-minimal");
  assert.equal(diagnostics.length, 0, `expected a clean run, got:\n${dump(diagnostics)}`);
});

test("valid-minimal fixture: everything is loaded and survives validation", async () => {
  const { loaded, validated } = await validateFixture("valid-minimal");
  assert.equal(loaded.files.length, 10); // site + 4 actors + 2 articles + 3 briefs
  const { content } = validated;
  assert.equal(content.site.title, "Briefbook Test Desk");
  assert.equal(content.site.per_page, 20);
  assert.deepEqual(content.actors.map((a) => a.id).sort(), [
    "harbour-news",
    "marco-rubio",
    "united-kingdom",
    "united-states",
  ]);
  const rubio = content.actors.find((a) => a.id === "marco-rubio");
  assert.equal(rubio?.affiliation, "united-states");
  assert.deepEqual(rubio?.aliases, ["Rubio", "Secretary Rubio"]);
  assert.equal(rubio?.file, "actors/marco-rubio.yaml");

  const intel = content.articles.find((a) => a.id === "uk-halts-intel");
  assert.equal(intel?.paragraphs.length, 5);
  assert.equal(intel?.bodyLine, 10);
  assert.equal(content.articles.find((a) => a.id === "rubio-responds")?.paragraphs.length, 4);

  const briefs = new Map(content.briefs.map((b) => [b.id as string, b]));
  assert.deepEqual([...briefs.keys()].sort(), ["rubio-reaction", "strikes-draft", "uk-pause"]);
  assert.equal(briefs.get("strikes-draft")?.status, "draft");
  const pause = briefs.get("uk-pause");
  assert.ok(pause);
  assert.equal(pause.file, "briefs/uk-pause.md");
  assert.equal(pause.actors.length, 3);
  assert.deepEqual(pause.actors[0]?.cites, [
    { article: "uk-halts-intel", paragraph: 1 },
    { article: "uk-halts-intel", paragraph: 3 },
  ]);
  assert.deepEqual(pause.actors[2]?.cites, [], "cites defaults to an empty list");
  assert.equal(pause.quotes.length, 2);
  assert.deepEqual(
    pause.events.map((e) => e.date ?? e.when),
    ["2025-09", '"last month" (exact date not stated)', "2025-11-11"],
  );
  assert.deepEqual(pause.topics, ["Intelligence sharing", "Caribbean strikes"]);
  assert.deepEqual(
    pause.updates.map((u) => u.kind),
    ["development", "correction"],
  );
  assert.match(pause.body, /\[\[Secretary Rubio\|marco-rubio\]\]/);
});
