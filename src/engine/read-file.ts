import { constants, open, type FileHandle } from 'node:fs/promises';

export type ReadOutcome =
  | { kind: 'text'; text: string; warning?: string }
  | { kind: 'skipped'; reason: string };

type Skipped = Extract<ReadOutcome, { kind: 'skipped' }>;

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
 */
export async function readSourceFile(absPath: string, size: number, maxFileSize: number): Promise<ReadOutcome> {
  if (size > maxFileSize) return skipped(sizeLimitReason(size, maxFileSize));
  const bytes = await readBytes(absPath, maxFileSize);
  if (!(bytes instanceof Uint8Array)) return bytes;
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

async function readBytes(absPath: string, maxFileSize: number): Promise<Buffer | Skipped> {
  let handle: FileHandle | undefined;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    handle = await open(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = await handle.stat();
    if (!stats.isFile()) return skipped(notRegularFileReason(stats));
    // The file may have grown since discovery measured it.
    if (stats.size > maxFileSize) return skipped(sizeLimitReason(stats.size, maxFileSize));
    return await handle.readFile();
  } catch (error) {
    return skipped(`file could not be read (${errorCode(error)})`);
  } finally {
    // A failed close of a read-only descriptor loses nothing; it must not turn into a throw.
    await handle?.close().catch(() => undefined);
  }
}

function decode(bytes: Uint8Array): ReadOutcome {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs('utf-16le', 'UTF-16', bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs('utf-16be', 'UTF-16', bytes);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return skipped('binary file');
  return decodeAs('utf-8', 'UTF-8', bytes);
}

/** TextDecoder strips the BOM itself; a strict pass first tells whether replacement characters were needed. */
function decodeAs(encoding: string, label: string, bytes: Uint8Array): ReadOutcome {
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
