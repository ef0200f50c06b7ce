/**
 * The search comparison on its own, for developing the index split without a whole bench run:
 *
 *   npx tsx bench/search/cli.ts split SITE K          re-index SITE as K hash-split bundles (pagefind/, pagefind-2/ …)
 *   npx tsx bench/search/cli.ts compare SITE CORPUS   our bundles vs one single index, queries from CORPUS/bench-queries.json
 *
 * SITE is a built site (e.g. /tmp/briefbook-bench/run-n1000/briefbook), CORPUS the corpus it was built from.
 */
import path from "node:path";
import { formatSearchTable } from "../results-table.ts";
import { splitIndex } from "./hash-split.ts";
import { compareSearch, queryBytes, readBenchQueries } from "./search-comparison.ts";

const USAGE = "usage: tsx bench/search/cli.ts split SITE K | compare SITE CORPUS";

async function main(args: readonly string[]): Promise<void> {
  const [command, site, arg, ...rest] = args;
  if (!site || !arg || rest.length > 0) throw new Error(USAGE);
  if (command === "split") {
    const started = performance.now();
    const pages = await splitIndex(site, { k: Number(arg) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`split ${site} into ${pages.length} bundles of ${pages.join(", ")} pages in ${seconds} s`);
  } else if (command === "compare") {
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
