/**
 * The topics index (issue #13: it was one short line on an empty page): built for real from a small
 * site, each topic shows its count of briefs, its newest brief with the date, and the actors its
 * briefs involve most (outlets left out), the most recently briefed topic first.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/pipeline.ts";
import { dump, tempContent } from "../helpers/content.ts";

/** Four briefs on three topics; Harbour News, an outlet, is involved in the Trade briefs. */
function topicsSite(): Record<string, string> {
  const brief = (title: string, date: string, topics: string, actors: string[]) =>
    `---\ntitle: ${title}\ndate: ${date}\ndek: About ${title}.\nstatus: published\nsources: [one]\n` +
    `actors:\n${actors.map((a) => `  - id: ${a}\n    role: took part\n`).join("")}topics: [${topics}]\n---\nBody [@one#p1].\n`;
  return {
    "site.yaml": "title: Topics Desk\n",
    "actors/united-kingdom.yaml": "name: United Kingdom\nkind: country\n",
    "actors/france.yaml": "name: France\nkind: country\n",
    "actors/harbour-news.yaml": "name: Harbour News\nkind: media-outlet\n",
    "articles/one.md": "---\ntitle: One\noutlet: harbour-news\npublished: 2025-01-01\n---\nThe UK said so.\n",
    "briefs/quota-talks.md": brief("Quota talks", "2025-03-01", "Fisheries, Trade", ["united-kingdom", "harbour-news"]),
    "briefs/tariff-row.md": brief("Tariff row", "2025-03-05", "Trade", ["united-kingdom", "france", "harbour-news"]),
    "briefs/boats-seized.md": brief("Boats seized", "2025-02-01", "Fisheries", ["france"]),
    "briefs/storm-warning.md": brief("Storm warning", "2025-03-09", "Weather", ["france"]),
  };
}

let rows: string[];
let cleanup: () => Promise<void>;

before(async () => {
  const tmp = await tempContent(topicsSite());
  const out = await mkdtemp(path.join(tmpdir(), "briefbook-topics-"));
  cleanup = async () => {
    await tmp.cleanup();
    await rm(out, { recursive: true, force: true });
  };
  const outDir = path.join(out, "_site");
  const built = await buildSite({ contentDir: tmp.dir, outDir, pathPrefix: "/", includeDrafts: false });
  assert.equal(built.ok, true, dump(built.diagnostics));
  const page = await readFile(path.join(outDir, "topics/index.html"), "utf8");
  // Each topic's row as a reader reads it: its text, tags removed, spaces collapsed.
  rows = [...page.matchAll(/<li class="doc-row">([\s\S]*?)<\/li>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
});
after(() => cleanup?.());

test("each topic shows its count of briefs, its newest brief and date, and who its briefs involve most", () => {
  assert.deepEqual(rows, [
    "Weather 1 brief Latest: Storm warning, 9 March 2025 Most involved: France",
    "Trade 2 briefs Latest: Tariff row, 5 March 2025 Most involved: United Kingdom, France",
    "Fisheries 2 briefs Latest: Quota talks, 1 March 2025 Most involved: France, United Kingdom",
  ]);
});
