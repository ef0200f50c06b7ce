/**
 * Content types for the files a Briefbook site serves, as GitHub Pages sends them. Browsers need
 * them right for Pagefind: its module must be JavaScript and its wasm `application/wasm`. Used by
 * the preview server, and by the test and benchmark servers so they serve what the preview does.
 */
import { extname } from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".xml": "application/xml",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

export const HTML_TYPE = TYPES[".html"]!;

/** The content type of `file` by its extension; unknown ones are plain bytes. */
export const contentTypeOf = (file: string): string => TYPES[extname(file)] ?? "application/octet-stream";
