// @ts-check
// Lint: typed TypeScript rules, plus the pipeline's stage boundaries. Data flows one way
// (load → validate → model → render → search → check, orchestrated by src/pipeline.ts), and a
// stage may import only from the stages before it. Run with `npm run lint`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** A stage's forbidden imports: module path fragments, each with the reason shown to whoever trips it. */
const stage = (folder, forbidden) => ({
  files: [`**/src/${folder}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: forbidden.map(([pattern, why]) => ({
          regex: pattern,
          message: `src/${folder}/ must not import this: ${why} (stage order: docs/architecture.md).`,
        })),
      },
    ],
  },
});

/** Matches an import of any of the given stage folders (or of the orchestrator, src/pipeline.ts). */
const LATER = (stages) =>
  `(^|/)(${stages.filter((s) => s !== "pipeline").join("|")})/${stages.includes("pipeline") ? "|(^|/)pipeline\\.ts$" : ""}`;

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "_site/",
      ".briefbook/",
      ".cache/",
      ".briefbook-staging*/",
      "test/fixtures/",
      ".screenshots/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // A function a newcomer reads once: a longer one says why beside an eslint-disable line.
    files: ["src/**/*.ts", "layouts/**/*.ts", "scripts/**/*.ts"],
    rules: { "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { console: "readonly", process: "readonly", URL: "readonly", performance: "readonly" },
    },
    rules: {
      // Promises left unawaited swallow build failures: a failed write would look like success.
      "@typescript-eslint/no-floating-promises": [
        "error",
        // node:test runs these itself; awaiting them would serialise the suite.
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["test", "describe", "it", "suite"] },
          ],
        },
      ],
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      // `_name` marks a deliberately unused binding (destructuring a field away).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Types come from the schema or our own declarations; explicit `any` would hide a wrong shape.
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },
  // Lint fixtures (deliberately wrong code, linted only by test/lint/) sit outside the TypeScript project.
  {
    files: ["test/fixtures/**/*.ts"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false } },
  },

  // Diagnostics are the shared language of every stage, so they depend on none.
  // How text from content leaves the program (escaping, allowed addresses): every stage uses it.
  stage("text", [
    [
      LATER(["diagnostics", "load", "validate", "model", "render", "search", "check", "pipeline", "layouts"]),
      "src/text/ is the one escaper and URL allow-list every stage shares; it depends on none of them",
    ],
  ]),
  // The interface's words (src/words/): one table the validate stage (the languages it has) and
  // the render stage and layouts (the words) read alike, so it depends on no stage.
  stage("words", [
    [
      LATER(["diagnostics", "load", "validate", "model", "render", "search", "check", "pipeline", "layouts"]),
      "src/words/ is the interface's table of words every stage may read; it depends on none of them",
    ],
  ]),
  stage("diagnostics", [
    [
      LATER(["load", "validate", "model", "render", "search", "check", "pipeline", "layouts"]),
      "diagnostics come first and every stage uses them",
    ],
  ]),
  // Load only reads files; it must not know the schema (validate decides what is valid).
  stage("load", [
    [
      LATER(["validate", "model", "render", "search", "check", "pipeline", "layouts"]),
      "loading comes before validation and never looks ahead",
    ],
    ["^(markdown-it|@11ty/eleventy|pagefind)$", "load reads plain files; rendering and indexing happen later"],
  ]),
  // Validate is pure: files in, typed content and diagnostics out, no I/O.
  stage("validate", [
    [
      LATER(["model", "render", "search", "check", "pipeline", "layouts"]),
      "validation must not depend on how the site is built",
    ],
    ["^node:fs", "validation is pure; reading files is the load stage's job"],
    // markdown-it is allowed here for parsing only: the briefing syntax is one set of markdown-it
    // rules (src/validate/briefing-syntax.ts), so validation and the model read bodies alike.
    ["^(@11ty/eleventy|pagefind)$", "validation checks content; it does not render or index"],
  ]),
  // The model is built once from validated content; it knows nothing of Eleventy or the disk.
  stage("model", [
    [
      LATER(["load", "render", "search", "check", "pipeline", "layouts"]),
      "the model is built from validated content only",
    ],
    ["^node:fs", "the model is pure; I/O belongs at the edges (load, render, search, check)"],
    ["^(@11ty/eleventy|pagefind)$", "the model must not depend on the renderer or the indexer"],
  ]),
  // Render presents the model; it never reaches back to files or validation.
  stage("render", [
    [
      LATER(["load", "search", "check", "pipeline"]),
      "rendering reads the model only; indexing and checking come after it",
    ],
    [
      "(^|/)(render-settings\\.ts$|build/)",
      "the render stage is told its settings (src/render-settings.ts); it does not run the build",
    ],
    ["^node:fs", "Eleventy writes the output; the render stage reads nothing from disk"],
    ["^pagefind$", "indexing is a later stage (src/search)"],
  ]),
  {
    // Layouts are presentation: the same boundary as src/render.
    files: ["layouts/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: LATER(["load", "search", "check", "pipeline"]),
              message: "layouts/ present the model only (stage order: docs/architecture.md).",
            },
            {
              regex: "^(node:fs.*|pagefind|@11ty/eleventy)$",
              message: "layouts/ hold no logic beyond presentation: no I/O, no indexing, no Eleventy.",
            },
          ],
        },
      ],
    },
  },
  // Search indexes the rendered folder; it must not depend on how pages were made.
  stage("search", [
    [
      LATER(["load", "validate", "model", "render", "check", "pipeline", "layouts"]),
      "the index stage sees only the rendered site",
    ],
    ["^(@11ty/eleventy|markdown-it)$", "indexing works on output HTML, not on templates or Markdown"],
  ]),
  // The preview (npm start) sits beside src/pipeline.ts and may use every stage, but it renders each
  // page on request with the layouts itself: Eleventy re-rendering the whole site per edit is what
  // it exists to avoid (issue #5), and stays the production build's renderer.
  stage("preview", [
    [
      "^@11ty/eleventy$",
      "the preview renders pages on request with renderPage (layouts/); Eleventy is the build's renderer",
    ],
    [
      "(^|/)(pipeline\\.ts$|build/)",
      "the preview runs the stages itself, or is handed prepareSite (.eleventy.js); it never imports the orchestrator",
    ],
  ]),
  // Publish guards, locks and swaps the output folder; it knows nothing of how the site was made.
  stage("publish", [
    [
      LATER(["load", "validate", "model", "render", "search", "check", "preview", "pipeline", "layouts"]),
      "publishing replaces the output folder and may use only diagnostics and text",
    ],
    ["^(@11ty/eleventy|pagefind|markdown-it)$", "publishing moves finished folders; it does not render or index"],
  ]),
  // Check inspects the output; it must not re-run or depend on earlier stages' internals.
  stage("check", [
    [
      LATER(["load", "validate", "render", "search", "pipeline", "layouts"]),
      "checks inspect the output and the model, nothing else",
    ],
    ["^(@11ty/eleventy|pagefind|markdown-it)$", "checks must not re-render or re-index"],
  ]),
);
