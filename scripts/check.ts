/** `npm run check [-- --content DIR]`: validation alone, without rendering. Exit 1 when any error is found. */
import { formatReport } from "../src/diagnostics/format.ts";
import { hasErrors } from "../src/diagnostics/diagnostic.ts";
import { checkSite } from "../src/pipeline.ts";
import { commonArgs } from "./cli-args.ts";

const args = commonArgs(process.argv.slice(2), "Usage: npm run check -- [--content DIR]");
const { diagnostics } = await checkSite({
  contentDir: args.contentDir,
  pathPrefix: args.pathPrefix,
  includeDrafts: true,
});
if (diagnostics.length > 0) console.error(formatReport(diagnostics, { color: process.stderr.isTTY }));
if (hasErrors(diagnostics)) process.exit(1);
console.log(`${args.contentDir}/ is valid${diagnostics.length > 0 ? " (with warnings above)" : ""}.`);
