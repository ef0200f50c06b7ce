/**
 * `npm run build [-- --content DIR --out DIR --pathprefix /repo/ --drafts]`
 * Builds the site into a staging folder and swaps it into the output folder only on success.
 */
import { existsSync } from "node:fs";
import { formatDiagnostic, formatReport } from "../src/diagnostics/format.ts";
import { buildSite, STAGES } from "../src/pipeline.ts";
import { outputRefusal } from "../src/publish/publish.ts";
import { commonArgs } from "./cli-args.ts";

const USAGE = `Usage: npm run build -- [--content DIR] [--out DIR] [--pathprefix /repo/] [--drafts]
  --content DIR      content folder to build (default: content)
  --out DIR          output folder, replaced only when the build succeeds (default: _site): a new or
                     empty folder or an earlier build's; never /, home, a repository, or content
  --pathprefix P     serve the site under P, as GitHub Pages does for /<repo>/ (or set PATH_PREFIX)
  --drafts           include draft briefs (for review; never for publishing)`;

const args = commonArgs(process.argv.slice(2), USAGE);
if (!existsSync(args.contentDir)) {
  console.error(
    `error: content folder '${args.contentDir}' does not exist\n    hint: run from the repository root, or pass --content DIR`,
  );
  process.exit(2);
}
// Checked before any work: the output folder is replaced, so it must be Briefbook's (or new).
const refusal = outputRefusal(args);
if (refusal) {
  console.error(formatDiagnostic(refusal, { color: process.stderr.isTTY }));
  process.exit(2);
}
const start = performance.now();
console.log(`Building ${args.contentDir}/ → ${args.outDir}/ (path prefix ${args.pathPrefix})`);
const result = await buildSite({
  contentDir: args.contentDir,
  outDir: args.outDir,
  pathPrefix: args.pathPrefix,
  includeDrafts: args.drafts,
  // The site's public address when site.yaml does not give the one it is deployed at (the workflow sets it).
  ...(process.env.BRIEFBOOK_URL ? { siteUrl: process.env.BRIEFBOOK_URL } : {}),
  onStage: (r) => console.log(`  ${r.stage.padEnd(9)} ${r.seconds.toFixed(2).padStart(6)} s  ${r.summary}`),
});
const total = (performance.now() - start) / 1000;

if (result.diagnostics.length > 0)
  console.error(`\n${formatReport(result.diagnostics, { color: process.stderr.isTTY })}`);
if (process.env.BRIEFBOOK_TIMINGS_JSON) {
  const stages = Object.fromEntries(STAGES.map((s) => [s, result.timings[s] ?? null]));
  console.log(`BRIEFBOOK_TIMINGS ${JSON.stringify({ ...stages, pages: result.pages, total: total })}`);
}
if (!result.ok) {
  console.error(`\nBuild ${result.refused ? "refused" : "failed"}; ${args.outDir}/ was left as it was.`);
  process.exit(1);
}
console.log(`Built ${result.pages} files in ${total.toFixed(1)} s → ${args.outDir}/`);
