/**
 * The site's public address from the environment (BRIEFBOOK_URL, which the GitHub workflow sets
 * from configure-pages), over site.yaml's: the feed's links are absolute under the path prefix;
 * an address that is not a web address is refused like the one in site.yaml.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fixture } from "../helpers/content.ts";

const scratch = await mkdtemp(path.join(tmpdir(), "briefbook-site-url-"));
after(() => rm(scratch, { recursive: true, force: true }));

const build = (out: string, env: Record<string, string>) =>
  spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/build.ts", "--content", fixture("valid-minimal"), "--out", out],
    { encoding: "utf8", env: { ...process.env, ...env } },
  );

test("BRIEFBOOK_URL makes the feed's links absolute at the deployed address", async () => {
  const out = path.join(scratch, "site");
  const run = build(out, { BRIEFBOOK_URL: "https://owner.github.io/repo/", PATH_PREFIX: "/repo/" });
  assert.equal(run.status, 0, run.stderr);
  const feed = await readFile(path.join(out, "feed.xml"), "utf8");
  assert.match(feed, /<link[^>]*href="https:\/\/owner\.github\.io\/repo\/briefs\/uk-pause\/"/);
  assert.doesNotMatch(feed, /href="\/repo\//, "no link is left relative");
});

test("a BRIEFBOOK_URL that is not a web address fails the build, named, with a hint", () => {
  const run = build(path.join(scratch, "refused"), { BRIEFBOOK_URL: "javascript:alert(1)" });
  assert.equal(run.status, 1);
  assert.match(
    run.stderr,
    /^BRIEFBOOK_URL error: the site's address 'javascript:alert\(1\)' is not usable: .+\n {4}hint: set BRIEFBOOK_URL/m,
  );
});
