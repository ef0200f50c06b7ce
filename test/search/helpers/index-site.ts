/**
 * Runs the index stage over a folder in a process of its own and prints its result as JSON, so a
 * test can see what this process printed and how it ended: `index-site.ts SITE_DIR [LANGUAGE]`.
 */
import { buildSearchIndex } from "../../../src/search/pagefind.ts";

const [siteDir, language] = process.argv.slice(2);
// The sites indexed here carry no data-pagefind-sort, so the merge needs no sort values.
const result = await buildSearchIndex({ siteDir: siteDir!, sortValues: {}, ...(language ? { language } : {}) });
console.log(JSON.stringify(result));
