import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse, stringify } from "yaml";
import { HUGO_CONFIG, LIST_LAYOUT, SINGLE_LAYOUT } from "./hugo-site-files.ts";

/**
 * Turns a Briefbook corpus into a minimal Hugo site publishing the same documents: a page per
 * brief (key points, quotes, body, timeline, actors) and per article, a term page per actor
 * (taxonomy `actors`, listing its briefs) and per topic, and paginated section lists. Actor links
 * and citations in brief bodies become ordinary Markdown links.
 */

interface ContentFile {
  readonly slug: string;
  readonly data: Record<string, unknown>;
  readonly body: string;
}

/** Front matter and body of a generated Markdown file (`---` YAML `---` body). */
function splitMarkdown(slug: string, text: string): ContentFile {
  const end = text.indexOf("\n---\n", 4);
  if (!text.startsWith("---\n") || end === -1) throw new Error(`${slug}: no front matter`);
  const data = parse(text.slice(4, end + 1), { schema: "core" }) as Record<string, unknown>;
  return { slug, data, body: text.slice(end + 5) };
}

/** One file at a time: 10,000 reads at once exhaust the open-file limit (EMFILE). */
async function readFolder(dir: string, ext: string): Promise<ContentFile[]> {
  const out: ContentFile[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(ext)).sort()) {
    const slug = name.slice(0, -ext.length);
    const text = await readFile(path.join(dir, name), "utf8");
    out.push(
      ext === ".md"
        ? splitMarkdown(slug, text)
        : { slug, data: parse(text, { schema: "core" }) as Record<string, unknown>, body: "" },
    );
  }
  return out;
}

const frontMatter = (data: object, body: string) => `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}`;

const citationLink = (ref: string) => {
  const [slug, p] = ref.trim().replace(/^@/, "").split("#");
  return `[${slug}#${p}](/articles/${slug}/#${p})`;
};

/** `[[id]]`, `[[text|id]]` and `[@a#p1, @b#p2]` as plain Markdown links. */
function convertBody(body: string, names: ReadonlyMap<string, string>): string {
  return body
    .replace(/\[\[([^[\]|\n]+?)(?:\|([^[\]|\n]+?))?\]\]/g, (_, first: string, second?: string) =>
      second === undefined ? `[${names.get(first) ?? first}](/actors/${first}/)` : `[${first}](/actors/${second}/)`,
    )
    .replace(/\[@([^[\]\n]+?)\]/g, (_, inner: string) => `(${inner.split(",").map(citationLink).join(", ")})`);
}

async function writeAll(files: ReadonlyArray<readonly [string, string]>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const [file, text] = files[next++]!;
      await writeFile(file, text);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/** Writes the Hugo site for `corpusDir` into `siteDir` (replaced). */
export async function convertCorpusToHugo(corpusDir: string, siteDir: string): Promise<void> {
  await rm(siteDir, { recursive: true, force: true });
  await mkdir(path.join(siteDir, "layouts", "_default"), { recursive: true });
  await writeFile(path.join(siteDir, "hugo.toml"), HUGO_CONFIG);
  await writeFile(path.join(siteDir, "layouts", "_default", "single.html"), SINGLE_LAYOUT);
  await writeFile(path.join(siteDir, "layouts", "_default", "list.html"), LIST_LAYOUT);
  const content = path.join(siteDir, "content");
  for (const dir of ["briefs", "articles", "actors", "topics"])
    await mkdir(path.join(content, dir), { recursive: true });

  const actors = await readFolder(path.join(corpusDir, "actors"), ".yaml");
  const articles = await readFolder(path.join(corpusDir, "articles"), ".md");
  const briefs = await readFolder(path.join(corpusDir, "briefs"), ".md");
  const names = new Map(actors.map((a) => [a.slug, String(a.data.name)]));
  const files: Array<readonly [string, string]> = [
    [path.join(content, "_index.md"), frontMatter({ title: "Home" }, "")],
    [path.join(content, "briefs", "_index.md"), frontMatter({ title: "Briefs" }, "")],
    [path.join(content, "articles", "_index.md"), frontMatter({ title: "Articles" }, "")],
    [path.join(content, "actors", "_index.md"), frontMatter({ title: "Actors" }, "")],
    [path.join(content, "topics", "_index.md"), frontMatter({ title: "Topics" }, "")],
  ];
  for (const a of actors) {
    const { name, kind, role, description } = a.data;
    await mkdir(path.join(content, "actors", a.slug), { recursive: true });
    files.push([
      path.join(content, "actors", a.slug, "_index.md"),
      frontMatter({ title: name, kind, ...(role ? { role } : {}) }, `${String(description ?? "")}\n`),
    ]);
  }
  for (const a of articles) {
    const { title, published, outlet, section, byline, url } = a.data;
    files.push([
      path.join(content, "articles", `${a.slug}.md`),
      frontMatter(
        { title, date: published, outlet: names.get(String(outlet)) ?? outlet, section, byline, source_url: url },
        a.body,
      ),
    ]);
  }
  for (const b of briefs) {
    const d = b.data;
    const roles = (d.actors as Array<{ id: string }>) ?? [];
    files.push([
      path.join(content, "briefs", `${b.slug}.md`),
      frontMatter(
        {
          title: d.title,
          date: d.date,
          description: d.dek,
          actors: roles.map((r) => r.id),
          topics: d.topics,
          roles,
          key_points: d.key_points,
          quotes: d.quotes,
          events: d.events,
          sources: d.sources,
        },
        convertBody(b.body, names),
      ),
    ]);
  }
  await writeAll(files);
}
