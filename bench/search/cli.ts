/**
 * The search comparison on its own, for working on the index stage without a whole bench run:
 *
 *   npx tsx bench/search/cli.ts compare SITE CORPUS   our index vs one Pagefind run, queries from CORPUS/bench-queries.json
 *
 * SITE is a built site (e.g. /tmp/briefbook-bench/run-n1000/briefbook), CORPUS the corpus it was built from.
 */
import path from "node:path";
import { formatSearchTable } from "../results-table.ts";
import { compareSearch, queryBytes, readBenchQueries } from "./search-comparison.ts";

const USAGE = "usage: tsx bench/search/cli.ts compare SITE CORPUS";

async function main(args: readonly string[]): Promise<void> {
  const [command, site, arg, ...rest] = args;
  if (!site || !arg || rest.length > 0) throw new Error(USAGE);
  if (command === "compare") {
    const logFile = path.join(site, "..", "search-comparison-log.txt");
    const comparison = await compareSearch({ siteDir: site, queries: await readBenchQueries(arg), logFile });
    console.log(formatSearchTable([{ n: null, search: comparison }]));
    console.log(`\nquery_bytes: ${queryBytes(comparison)}; all targets met: ${comparison.pass}`);
  } else throw new Error(USAGE);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`bench/search: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
