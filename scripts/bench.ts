/**
 * `npm run bench` — performance at scale (issues #5 and #16; see docs/performance.md).
 *
 *   npm run bench                        corpus of 1,000 then 10,000: build, baselines, table, bench-results.json
 *   npm run bench -- --n 1000            one size only (repeatable: --n 1000 --n 5000)
 *   npm run bench -- --seed 7            another corpus (default: the fixed seed in bench/corpus/generate-corpus.ts)
 *   npm run bench -- --no-baselines      skip Hugo and bare Eleventy
 *   npm run bench -- --no-preview        skip timing an edit in the preview (npm start)
 *   npm run bench -- --no-search         skip the search comparison in Chromium (our index vs one Pagefind run)
 *   npm run bench -- --reproducible      build twice and compare both outputs file by file (doubles the build time)
 *   npm run bench -- --generate N DIR    only write a synthetic corpus of N articles and N briefs into DIR
 *
 * After the table it prints issue #16's targets for each N, met or not (bench/targets.ts).
 * Never part of `npm test`: it takes minutes and gigabytes.
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { DEFAULT_SEED, generateCorpus, writeCorpus } from "../bench/corpus/generate-corpus.ts";
import { runBench } from "../bench/run.ts";

function positiveInt(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive whole number, not '${text}'`);
  return n;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      n: { type: "string", multiple: true },
      seed: { type: "string" },
      generate: { type: "string" },
      "no-baselines": { type: "boolean", default: false },
      "no-search": { type: "boolean", default: false },
      "no-preview": { type: "boolean", default: false },
      reproducible: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(
      "usage: npm run bench [-- --n N ...] [--seed S] [--no-baselines] [--no-search] [--no-preview] [--reproducible] | npm run bench -- --generate N DIR",
    );
    return;
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : positiveInt(values.seed, "--seed");

  if (values.generate !== undefined) {
    const n = positiveInt(values.generate, "--generate N");
    const dir = positionals[0];
    if (!dir || positionals.length > 1) throw new Error("usage: npm run bench -- --generate N DIR");
    const started = performance.now();
    const corpus = generateCorpus(n, seed);
    await writeCorpus(dir, corpus);
    console.log(
      `wrote ${corpus.documents} documents (${n} articles, ${n} briefs) and ${corpus.actors} actors to ${dir} ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed})`,
    );
    return;
  }
  if (positionals.length > 0) throw new Error(`unexpected argument '${positionals[0]}'; see --help`);

  const sizes = (values.n ?? ["1000", "10000"]).map((t) => positiveInt(t, "--n"));
  await runBench({
    sizes,
    seed,
    baselines: !values["no-baselines"],
    search: !values["no-search"],
    preview: !values["no-preview"],
    reproducible: values.reproducible,
  });
  console.log(`| npm run check, bundled content (median of 3, wall) | ${checkSeconds().toFixed(2)} s |`);
}

/** How long an editor waits for `npm run check` on the bundled content/ (issue #14: under a second), process start included. */
function checkSeconds(): number {
  const runs = [1, 2, 3].map(() => {
    const started = performance.now();
    spawnSync(process.execPath, ["--import", "tsx", "scripts/check.ts"], { stdio: "ignore" });
    return (performance.now() - started) / 1000;
  });
  return runs.sort((a, b) => a - b)[1]!;
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
