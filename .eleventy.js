// Eleventy entry for Eleventy's own CLI: `npx @11ty/eleventy --serve` is the slower alternative to
// `npm start`. It re-runs load → validate → model and re-renders and re-indexes every page after each
// edit, where `npm start` (src/preview/) renders pages on request from the model kept in memory.
// `npm run build` runs the same plugin and templates (layouts/*.11ty.ts) through src/render/eleventy-run.ts,
// with indexing and checks.
import { register } from "tsx/esm/api";

// Briefbook is TypeScript; tsx lets Eleventy import it without a compile step.
register();
const { default: briefbook, TEMPLATE_FORMATS } = await import("./src/render/eleventy-plugin.ts");
const { prepareSite } = await import("./src/pipeline.ts");
const { previewSource, indexPreview } = await import("./src/preview/preview-source.ts");
const { normalizePathPrefix } = await import("./scripts/cli-args.ts");
const { PUBLIC_DIR } = await import("./src/repository.ts");
const { formatReport } = await import("./src/diagnostics/format.ts");

const contentDir = process.env.BRIEFBOOK_CONTENT ?? "content";
const site = {
  contentDir,
  pathPrefix: normalizePathPrefix(process.env.PATH_PREFIX),
  includeDrafts: process.env.BRIEFBOOK_DRAFTS !== "0",
};

export default function (eleventyConfig) {
  // Every page, rendered from the site model (load → validate → model), rebuilt on each content edit.
  const source = previewSource({
    pathPrefix: site.pathPrefix,
    includeDrafts: site.includeDrafts,
    prepare: () => prepareSite(site),
    report: (diagnostics) => diagnostics.length > 0 && console.error(formatReport(diagnostics)),
  });
  eleventyConfig.addPlugin(briefbook, {
    source,
    publicDir: PUBLIC_DIR,
    watch: [contentDir, "layouts", "public"],
  });

  // Search in the preview too: Pagefind re-indexes the output after every rebuild.
  eleventyConfig.on("eleventy.after", ({ directories }) => indexPreview(directories.output, source.searchSorts()));
}

export const config = {
  // The templates are layouts/*.11ty.ts, one per page type, paginating over the model's pages;
  // nothing else there is a page. content/ is plain data that only Briefbook's load stage reads.
  // The preview shows drafts, so it writes to its own folder and never touches the published _site/.
  dir: { input: "layouts", output: ".cache/preview" },
  templateFormats: TEMPLATE_FORMATS,
};
