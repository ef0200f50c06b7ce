import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { SourceFile } from "./source-file.ts";

/**
 * The line of a field in a file, for a diagnostic. Parses the YAML again on demand: problems are
 * rare, and keeping a YAML syntax tree per file would cost more memory than the whole model.
 * A path that does not exist (a missing field) resolves to its nearest existing parent.
 */
export function lineOf(file: SourceFile, path: readonly PropertyKey[]): number {
  const counter = new LineCounter();
  const doc = parseDocument(file.yaml, { lineCounter: counter, schema: "core", uniqueKeys: false });
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return counter.linePos(offset).line + file.yamlLine - 1;
}
