import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadOutcome =
  | { kind: 'text'; text: string; warning?: string }
  | { kind: 'skipped'; reason: string }
  /** Read, and shown by a byte-level test to be unable to matter: never decoded. */
  | { kind: 'irrelevant' };

type Skipped = Extract<ReadOutcome, { kind: 'skipped' }>;
type Decoded = Extract<ReadOutcome, { kind: 'text' }> | Skipped;

/** A NUL byte this early means the file is not text (UTF-16 is recognised by its BOM before this check). */
const BINARY_SNIFF_BYTES = 8 * 1024;
/** Minified-bundle heuristic: how much text is measured, and the thresholds it must exceed. */
const BUNDLE_SNIFF_CHARS = 64 * 1024;
const BUNDLE_AVERAGE_LINE = 500;
const BUNDLE_LONGEST_LINE = 2_000;
const BUNDLE_EXTENSIONS = /\.[cm]?js$/i;

/**
 * Reads a file for analysis. Never throws: every reason not to analyse the file
 * (too big, binary, not a regular file, unreadable, a minified bundle) becomes a `skipped` outcome.
 * `mayMatter` sees the raw bytes first: decoding text costs as much as reading it, so files that
 * cannot matter are never decoded (UTF-16 files, whose bytes it cannot judge, always are).
 */
export function readSourceFile(absPath: string, size: number | undefined, maxFileSize: number, mayMatter?: (bytes: Uint8Array) => boolean): ReadOutcome {
  if (size !== undefined && size > maxFileSize) return skipped(sizeLimitReason(size, maxFileSize));
  const bytes = readBytes(absPath, maxFileSize);
  if (!(bytes instanceof Uint8Array)) return bytes;
  if (mayMatter && !isUtf16(bytes) && !hasNul(bytes) && !mayMatter(bytes)) return { kind: 'irrelevant' };
  const decoded = decode(bytes);
  if (decoded.kind === 'skipped') return decoded;
  const lineLength = bundleLineLength(absPath, decoded.text);
  return lineLength === undefined
    ? decoded
    : skipped(`minified or generated bundle (average line length ${lineLength})`);
}

export function sizeLimitReason(size: number, maxFileSize: number): string {
  return `file is ${formatBytes(size)}, over the ${formatBytes(maxFileSize)} limit (maxFileSize)`;
}

/** Why a directory entry that is neither a regular file nor a symlink cannot be analysed. */
export function notRegularFileReason(entry: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (entry.isDirectory()) return 'is a directory, not a file (EISDIR)';
  return `not a regular file (${entry.isFIFO() ? 'FIFO' : entry.isSocket() ? 'socket' : 'device'})`;
}

/** The OS error code (EACCES, ELOOP …) users can search for; the message would repeat the path. */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}

/**
 * Synchronous on purpose: tens of thousands of small reads through the libuv thread pool cost
 * several times what direct system calls do, and the scan has nothing else to do meanwhile.
 */
function readBytes(absPath: string, maxFileSize: number): Uint8Array | Skipped {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) return skipped(notRegularFileReason(stats));
    if (stats.size > maxFileSize) return skipped(sizeLimitReason(stats.size, maxFileSize));
    return readInto(fd, stats.size);
  } catch (error) {
    return skipped(`file could not be read (${errorCode(error)})`);
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // A failed close of a read-only descriptor loses nothing; it must not turn into a throw.
      }
    }
  }
}

/**
 * Files are read into one reused buffer: most are looked at once and dropped, and a fresh
 * allocation per file made garbage collection a tenth of the scan. The view is valid until the next read.
 */
let shared = Buffer.allocUnsafe(256 * 1024);

function readInto(fd: number, size: number): Uint8Array {
  if (size + 1 > shared.length) shared = Buffer.allocUnsafe(Math.max(size + 1, shared.length * 2));
  let length = 0;
  // Read until end of file: the size is a hint (a file can change while it is read).
  for (;;) {
    if (length === shared.length) {
      const grown = Buffer.allocUnsafe(shared.length * 2);
      shared.copy(grown, 0, 0, length);
      shared = grown;
    }
    const read = readSync(fd, shared, length, shared.length - length, null);
    if (read === 0) return shared.subarray(0, length);
    length += read;
  }
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs('utf-16le', 'UTF-16', bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs('utf-16be', 'UTF-16', bytes);
  if (hasNul(bytes)) return skipped('binary file');
  return decodeAs('utf-8', 'UTF-8', bytes);
}

/** TextDecoder strips the BOM itself; a strict pass first tells whether replacement characters were needed. */
function decodeAs(encoding: string, label: string, bytes: Uint8Array): Decoded {
  try {
    return { kind: 'text', text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return {
      kind: 'text',
      text: new TextDecoder(encoding).decode(bytes),
      warning: `invalid ${label}: decoded with replacement characters`,
    };
  }
}

/** The rounded average line length when a JavaScript file looks minified, otherwise undefined. */
function bundleLineLength(absPath: string, text: string): number | undefined {
  if (!BUNDLE_EXTENSIONS.test(absPath)) return undefined;
  const sample = text.slice(0, BUNDLE_SNIFF_CHARS);
  let lines = 0;
  let longest = 0;
  for (let start = 0; start < sample.length; lines++) {
    const newline = sample.indexOf('\n', start);
    const end = newline === -1 ? sample.length : newline;
    longest = Math.max(longest, end - start);
    start = end + 1;
  }
  const average = lines === 0 ? 0 : sample.length / lines;
  return average > BUNDLE_AVERAGE_LINE && longest > BUNDLE_LONGEST_LINE ? Math.round(average) : undefined;
}

const BYTE_UNITS = ['bytes', 'KiB', 'MiB', 'GiB'] as const;

/** 52.4 MiB, 2 MiB, 900 bytes: one decimal at most, none when it is zero. */
function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${BYTE_UNITS[unit]}`;
}

function skipped(reason: string): Skipped {
  return { kind: 'skipped', reason };
}
