/**
 * `npm run new -- brief "Title" [--source ARTICLE]…`, `npm run new -- actor "Name" [--kind KIND]`,
 * `npm run new -- article "Title"`: writes a new content file with every field of the schema
 * present and explained (scripts/new/scaffold.ts), never over an existing one, and says what to do next.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { forTerminal } from "../src/text/escape.ts";
import { ACTOR_KINDS } from "../src/validate/schema.ts";
import { isKebab } from "../src/validate/ids.ts";
import { SCHEMAS_DIR } from "./schemas.ts";
import { scaffold, SCAFFOLD_KINDS, type ScaffoldKind } from "./new/scaffold.ts";

const USAGE = `Usage:
  npm run new -- brief "Title" [--source ARTICLE-SLUG]…   a draft brief, dated today
  npm run new -- actor "Name" [--kind KIND]               an actor (KIND: ${ACTOR_KINDS.join(", ")})
  npm run new -- article "Title"                          a hand-written source article
Options: --content DIR (default: content)`;

/** A mistake in the command line: told in one line, then the usage. */
class UsageError extends Error {}

function readRequest(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      source: { type: "string", multiple: true, default: [] },
      kind: { type: "string" },
      content: { type: "string", default: "content" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return undefined;
  const [kind, title, ...rest] = positionals;
  if (!SCAFFOLD_KINDS.includes(kind as ScaffoldKind))
    throw new UsageError(`say what to create: ${SCAFFOLD_KINDS.join(", ")}`);
  if (!title?.trim()) throw new UsageError(`give the ${kind === "actor" ? "actor's name" : "title"} in quotes`);
  if (rest.length > 0) throw new UsageError(`unexpected '${rest.join(" ")}': put the title in quotes`);
  if (values.kind !== undefined && !(ACTOR_KINDS as readonly string[]).includes(values.kind))
    throw new UsageError(`'--kind ${values.kind}' is not a kind of actor; use one of: ${ACTOR_KINDS.join(", ")}`);
  for (const s of values.source)
    if (!isKebab(s))
      throw new UsageError(`'--source ${s}' is not an article slug (a file name in articles/ without .md)`);
  return {
    kind: kind as ScaffoldKind,
    title: title.trim(),
    sources: values.source,
    actorKind: values.kind,
    contentDir: values.content,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  let request;
  try {
    request = readRequest(argv);
  } catch (e) {
    console.error(`error: ${forTerminal((e as Error).message)}\n\n${USAGE}`);
    return 2;
  }
  if (!request) return (console.log(USAGE), 0);
  const today = new Date().toISOString().slice(0, 10);
  const folder = path.join(request.contentDir, `${request.kind}s`);
  const schemaRef = path
    .relative(folder, path.join(SCHEMAS_DIR, `${request.kind}.schema.json`))
    .split(path.sep)
    .join("/");
  const file = scaffold({ ...request, today, schemaRef });
  if (file.slug === "") {
    console.error(`error: the title has no letters or digits to make a file name from\n\n${USAGE}`);
    return 2;
  }
  const target = path.join(request.contentDir, file.path);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    // 'wx': never over an existing file, even one written a moment ago by someone else.
    await writeFile(target, file.text, { flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    console.error(
      `error: ${forTerminal(target)} already exists; nothing was written\n    hint: edit it, or choose another title`,
    );
    return 1;
  }
  console.log(`Wrote ${forTerminal(target)}`);
  console.log(
    `Next: ${file.text.includes("TODO(editor)") ? "fill in the fields marked TODO" : "fill in the optional fields the sources support"}, then run  npm run check${request.kind === "brief" ? "  (npm start shows drafts)" : ""}`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
