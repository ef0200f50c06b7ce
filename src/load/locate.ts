import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from "yaml";
import type { SourceFile } from "./source-file.ts";

/** Where something stands in a file: 1-based line and column, as editors and terminals count them. */
interface Place {
  readonly line: number;
  readonly column: number;
}

/** The place of a field of one file, by its path: `["actors", 0, "id"]`; `key` asks for its name rather than its value. */
export type FieldPlaces = (path: readonly PropertyKey[], key?: boolean) => Place;
/** The line of a field of one file, by its path. */
export type FieldLines = (path: readonly PropertyKey[]) => number;

/**
 * Finds the places of fields in a file, for diagnostics. The YAML is parsed again on the first
 * request only (problems are rare, and a syntax tree per file would cost more memory than the
 * whole model), then every later request walks that one tree: a file with thousands of mistakes
 * is located in one pass, not one parse per mistake.
 * A path that does not exist (a missing field) resolves to its nearest existing parent. A field's
 * place is its value when the value is written on the field's own line (`id: united-kingdon`), else
 * its name.
 */
export function fieldPlaces(file: SourceFile): FieldPlaces {
  let parsed: { doc: ReturnType<typeof parseDocument>; counter: LineCounter } | undefined;
  const keysOf = new WeakMap<YAMLMap, Map<string, Pair>>();
  return (path, key = false) => {
    if (!parsed) {
      const counter = new LineCounter();
      parsed = { doc: parseDocument(file.yaml, { lineCounter: counter, schema: "core", uniqueKeys: false }), counter };
    }
    const { counter } = parsed;
    let node: unknown = parsed.doc.contents;
    let offset = (parsed.doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const [i, step] of path.entries()) {
      if (isMap(node)) {
        const pair = pairsOf(node, keysOf).get(String(step));
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof step === "number") {
        const item = node.items[step] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
      // The whole path found: point at its value when the value stands on the same line.
      const value = (node as Node | null)?.range?.[0];
      const last = i === path.length - 1;
      if (
        last &&
        !key &&
        isScalar(node) &&
        value !== undefined &&
        counter.linePos(value).line === counter.linePos(offset).line
      )
        offset = value;
    }
    const { line, col } = counter.linePos(offset);
    return { line: line + file.yamlLine - 1, column: col };
  };
}

/** The lines of fields in a file (see `fieldPlaces`). */
export function fieldLines(file: SourceFile): FieldLines {
  const places = fieldPlaces(file);
  return (path) => places(path, true).line;
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
