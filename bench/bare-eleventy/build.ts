/**
 * Bare Eleventy baseline: Eleventy 3 (the project's pinned version, default settings) reads the
 * corpus's Markdown files directly as templates and wraps each in one trivial layout. No data
 * model, no cross-links, no lists: the floor for "Eleventy over N Markdown files".
 *
 *   node --import tsx bench/bare-eleventy/build.ts CORPUS_DIR OUT_DIR
 */

interface EleventyConfig {
  addTemplate(virtualPath: string, content: string): void;
  addGlobalData(name: string, value: unknown): void;
}
interface EleventyInstance {
  write(): Promise<unknown>;
}
type EleventyConstructor = new (
  input: string,
  output: string,
  options: { quietMode?: boolean; configPath?: string | false; config?: (c: EleventyConfig) => void },
) => EleventyInstance;

const LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>
{{ content }}
</main></body>
</html>
`;

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error("usage: build.ts CORPUS_DIR OUT_DIR");
  // Eleventy ships no type declarations; the shape used here is declared above.
  const specifier: string = "@11ty/eleventy";
  const { default: Eleventy } = (await import(specifier)) as { default: EleventyConstructor };
  const eleventy = new Eleventy(input, output, {
    quietMode: true,
    configPath: false,
    config(config) {
      config.addTemplate("_includes/bare.liquid", LAYOUT);
      config.addGlobalData("layout", "bare.liquid");
    },
  });
  await eleventy.write();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
