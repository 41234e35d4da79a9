#!/usr/bin/env node
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from './program.js';

/**
 * Reports replace a regular file atomically (temporary file, then rename), so a reader never sees
 * half a report. Anything else (/dev/null, a FIFO, /dev/stdout) is written through: renaming over a
 * device would replace the device itself.
 */
async function writeReport(file: string, text: string): Promise<void> {
  const existing = await stat(file).catch(() => undefined);
  if (existing && !existing.isFile()) {
    await writeFile(file, text);
    return;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** The only module that touches `process`. */
process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  writeFile: writeReport,
});
