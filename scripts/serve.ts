/**
 * `npm start`: live preview at http://localhost:8080/ with drafts shown, built into .cache/preview/. Content, layout and
 * stylesheet edits rebuild the site and reload the browser.
 */
import Eleventy from "@11ty/eleventy";
import { normalizePathPrefix } from "../src/pipeline.ts";

const port = Number(process.env.PORT ?? 8080);
const pathPrefix = normalizePathPrefix(process.env.PATH_PREFIX);
const elev = new Eleventy(undefined, undefined, {
  configPath: ".eleventy.js",
  runMode: "serve",
  pathPrefix,
  quietMode: true,
});
await elev.init();
await elev.watch();
await elev.serve(port);
