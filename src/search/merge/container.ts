/**
 * Pagefind's file container, as Pagefind 1.5.2 writes it (`pagefind/src/output/mod.rs`): every
 * index file is gzip of the bytes `pagefind_dcd` followed by a body, CBOR for `pf_meta`, `pf_index`
 * and `pf_filter`, JSON for `pf_fragment`. Pagefind encodes CBOR with minicbor (definite lengths,
 * smallest integers), which is what cborg writes too: decode → encode gives back the same bytes
 * (test/search/merge.test.ts checks it on every file of real bundles).
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { constants, gunzip, gzip } from "node:zlib";
import { decode, encode } from "cborg";

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

const SIGNATURE = Buffer.from("pagefind_dcd");

/** A file the merge cannot read as Pagefind 1.5.2 wrote it; the message names the file. */
export class MergeRefused extends Error {
  constructor(
    message: string,
    readonly hint: string = "delete the pagefind folders and build again; if it persists, report it (this is a bug, not your content)",
  ) {
    super(message);
  }
}

/** The body of a container file: its bytes after the signature. */
export async function readBody(file: string): Promise<Buffer> {
  let raw: Buffer;
  try {
    raw = await gunzipAsync(await readFile(file));
  } catch (e) {
    throw new MergeRefused(`${file} is not a gzip file Pagefind wrote (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new MergeRefused(`${file} does not start with Pagefind's signature 'pagefind_dcd'`);
  return raw.subarray(SIGNATURE.length);
}

/** The CBOR value of a `pf_meta`, `pf_index` or `pf_filter` file. */
export async function readCbor(file: string): Promise<unknown> {
  const body = await readBody(file);
  try {
    return decode(body);
  } catch (e) {
    throw new MergeRefused(`${file} holds no CBOR Pagefind wrote (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The CBOR bytes of a value, as minicbor writes them. */
export const cborOf = (value: unknown): Buffer => Buffer.from(encode(value));

/**
 * A container file's bytes, at gzip's best level by default, as Pagefind writes them: `pf_meta` and
 * filters are fetched at start-up, where bytes count. Word chunks pass a lower level (`words.ts`).
 */
export const containerOf = (body: Buffer, level: number = constants.Z_BEST_COMPRESSION): Promise<Buffer> =>
  gzipAsync(Buffer.concat([SIGNATURE, body]), { level });

/**
 * Pagefind's `full_hash`: SHA-1 with each byte written as lower-case hex WITHOUT zero padding
 * (Rust's `{:x?}`), so the string is 20 to 40 characters long. File names are prefixes of it.
 */
export function pagefindHash(bytes: Buffer | string): string {
  const digest = createHash("sha1").update(bytes).digest();
  let hex = "";
  for (const byte of digest) hex += byte.toString(16);
  return hex;
}

/**
 * Names files as Pagefind does for one kind of file (word chunks, filters or fragments): the
 * language, `_`, and the first 7 digits of the hash; while the name is taken, `step` digits more
 * (Pagefind adds 1 for fragments, 2 for word chunks and filters). Two files with the same content
 * share a name.
 */
export class HashNames {
  readonly #taken = new Map<string, string>();
  constructor(
    readonly language: string,
    readonly step: 1 | 2,
  ) {}

  nameOf(hash: string): string {
    const full = `${this.language}_${hash}`;
    let length = this.language.length + 8;
    let name = full.slice(0, length);
    while (this.#taken.has(name) && this.#taken.get(name) !== full && length < full.length) {
      length = Math.min(full.length, length + this.step);
      name = full.slice(0, length);
    }
    this.#taken.set(name, full);
    return name;
  }
}
