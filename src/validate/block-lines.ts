/**
 * A field's line found by reading the YAML's lines, without parsing it: the fact-check's warnings
 * are many on a careless site, and parsing each warned file again (`fieldLines`, load/locate.ts)
 * cost ~2 ms a brief. It reads the block style that `npm run new` writes (`key:` at the left
 * margin, list items as `- field: …` below it) and gives up on anything else, where the caller
 * falls back to `fieldLines`.
 */

const indentOf = (line: string) => line.length - line.trimStart().length;
const isContent = (line: string) => line.trim() !== "" && !line.trimStart().startsWith("#");
const escapeKey = (key: string) => key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The 1-based line of `path` (`["key_points", 2, "text"]`) in `yaml`, or undefined when it cannot tell. */
export function blockLine(yaml: string, firstLine: number, path: readonly PropertyKey[]): number | undefined {
  const lines = yaml.split("\n");
  const [top, index, field] = path;
  if (typeof top !== "string" || path.length > 3) return undefined;
  const start = lines.findIndex((l) => new RegExp(`^${escapeKey(top)}\\s*:`).test(l));
  if (start === -1) return undefined;
  if (index === undefined) return firstLine + start;
  if (typeof index !== "number") return undefined;
  // The list's items: lines starting with '-' at the first item's indent, up to the next top-level key.
  let end = lines.findIndex((l, i) => i > start && isContent(l) && indentOf(l) === 0 && !l.startsWith("-"));
  if (end === -1) end = lines.length;
  const first = lines.findIndex((l, i) => i > start && i < end && isContent(l));
  if (first === -1 || !lines[first]!.trimStart().startsWith("-")) return undefined;
  const itemIndent = indentOf(lines[first]!);
  const items: number[] = [];
  for (let i = first; i < end; i++)
    if (indentOf(lines[i]!) === itemIndent && /^-(\s|$)/.test(lines[i]!.trimStart())) items.push(i);
  const item = items[index];
  if (item === undefined) return undefined;
  if (field === undefined) return firstLine + item;
  if (typeof field !== "string") return undefined;
  const next = items[index + 1] ?? end;
  const key = new RegExp(`^(-\\s+)?${escapeKey(field)}\\s*:`);
  for (let i = item; i < next; i++) if (key.test(lines[i]!.trimStart())) return firstLine + i;
  return undefined;
}
