import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from "yaml";
import type { SourceFile } from "./source-file.ts";

/** The line of a field of one file, by its path: `["actors", 0, "id"]`. */
export type FieldLines = (path: readonly PropertyKey[]) => number;

/**
 * Finds the lines of fields in a file, for diagnostics. The YAML is parsed again on the first
 * request only (problems are rare, and a syntax tree per file would cost more memory than the
 * whole model), then every later request walks that one tree: a file with thousands of mistakes
 * is located in one pass, not one parse per mistake.
 * A path that does not exist (a missing field) resolves to its nearest existing parent.
 */
export function fieldLines(file: SourceFile): FieldLines {
  let parsed: { doc: ReturnType<typeof parseDocument>; counter: LineCounter } | undefined;
  const keysOf = new WeakMap<YAMLMap, Map<string, Pair>>();
  return (path) => {
    if (!parsed) {
      const counter = new LineCounter();
      parsed = { doc: parseDocument(file.yaml, { lineCounter: counter, schema: "core", uniqueKeys: false }), counter };
    }
    let node: unknown = parsed.doc.contents;
    let offset = (parsed.doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const key of path) {
      if (isMap(node)) {
        const pair = pairsOf(node, keysOf).get(String(key));
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
    return parsed.counter.linePos(offset).line + file.yamlLine - 1;
  };
}

/** A mapping's pairs by key, indexed once; the first of duplicate keys wins, as a lookup by scan would. */
function pairsOf(map: YAMLMap, index: WeakMap<YAMLMap, Map<string, Pair>>): Map<string, Pair> {
  let keys = index.get(map);
  if (!keys) {
    keys = new Map();
    for (const p of map.items)
      if (isPair(p) && isScalar(p.key) && !keys.has(String(p.key.value))) keys.set(String(p.key.value), p as Pair);
    index.set(map, keys);
  }
  return keys;
}

/** The line of one field in a file (for one lookup; use `fieldLines` for many in the same file). */
export const lineOf = (file: SourceFile, path: readonly PropertyKey[]): number => fieldLines(file)(path);
