/**
 * Reading one content file safely: only a regular file, never through a symbolic link, never
 * more than a size limit, and only valid UTF-8. Anything else is a problem to report, not a
 * stack trace, and nothing here can block (a named pipe or a device would wait forever).
 */
import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";

/** A hostile or runaway file should not stall the build or blow up memory. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Why a file was not read, for a diagnostic; `line` when the problem has one. */
export interface Unreadable {
  /** What went wrong, for callers that word it their own way (the importer). */
  readonly reason: "missing" | "link" | "special" | "too-large" | "not-utf8" | "unreadable";
  readonly problem: string;
  readonly hint: string;
  readonly line?: number;
}

/** What a non-regular file is, in an editor's words. */
export function kindOfSpecialFile(stat: Stats): string | undefined {
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSymbolicLink()) return "a symbolic link";
  if (stat.isDirectory()) return "a folder";
  return stat.isFile() ? undefined : "not a regular file";
}

// O_NONBLOCK: opening a named pipe would otherwise wait for a writer; O_NOFOLLOW: a link swapped
// in after the folder was listed is refused, not followed out of the content folder.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * The file's text, or why it was not read. Checks what the open file is (fstat) before reading
 * a byte, so the checks and the read concern the same file. `followLink`: a file the user named
 * on the command line may be a link; content files never are.
 */
export function readContentFile(abs: string, followLink = false): string | Unreadable {
  let fd: number;
  try {
    fd = openSync(abs, followLink ? OPEN_FLAGS & ~constants.O_NOFOLLOW : OPEN_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP")
      return { reason: "link", problem: "is a symbolic link", hint: "copy the file into the content folder" };
    if (code === "ENOENT") return { reason: "missing", problem: "not found", hint: "check the file's name and folder" };
    return {
      reason: "unreadable",
      problem: `could not be read (${code ?? (e as Error).message})`,
      hint: "check the file's permissions",
    };
  }
  try {
    const stat = fstatSync(fd);
    const special = kindOfSpecialFile(stat);
    if (special)
      return {
        reason: "special",
        problem: `is ${special}, not a regular file`,
        hint: "only plain text files are content",
      };
    if (stat.size > MAX_FILE_BYTES)
      return {
        reason: "too-large",
        problem: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`,
        hint: "split it",
      };
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    for (let n = 1; n > 0 && read < bytes.length; read += n) n = readSync(fd, bytes, read, bytes.length - read, null);
    return decodeUtf8(bytes.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** The text, or the first line holding bytes that are not UTF-8 (a silent U+FFFD would corrupt quotes). */
function decodeUtf8(bytes: Buffer): string | Unreadable {
  if (isUtf8(bytes)) return bytes.toString("utf8");
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop)))
      return {
        reason: "not-utf8",
        problem: "is not valid UTF-8 text",
        hint: "save the file as UTF-8 in your editor (it may be Latin-1 or Windows-1252), then check this line",
        line,
      };
    if (end === -1) return bytes.toString("utf8"); // unreachable: some line was invalid
    start = end + 1;
  }
}
