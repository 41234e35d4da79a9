import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run, type CliIo } from '../../src/cli/program.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  /** Working directory the CLI sees (config discovery and report paths start here). */
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Pretend stderr is a terminal (progress line). */
  stderrIsTTY?: boolean;
}

/**
 * Runs the CLI in-process with captured output: no TTY (so no colour), an empty environment
 * unless given, and `-o` reports written to disk.
 */
export async function runCli(argv: readonly string[], options: RunCliOptions | string): Promise<CliRun> {
  const { cwd, env = {}, stderrIsTTY = false } = typeof options === 'string' ? { cwd: options } : options;
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTTY: false,
    stderrIsTTY,
    env,
    async writeFile(file, text) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
    },
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** The parsed `--format json` report of a run (throws with the run's stderr when stdout is not JSON). */
export function jsonReport(result: CliRun): JsonReport {
  try {
    return JSON.parse(result.stdout) as JsonReport;
  } catch {
    throw new Error(`stdout is not JSON (exit ${result.code}); stderr: ${result.stderr}\nstdout: ${result.stdout.slice(0, 500)}`);
  }
}

/** `file:line rule-id` for each finding, sorted; suppressed ones only when asked. */
export function findingKeys(report: JsonReport, which: 'active' | 'suppressed' | 'all' = 'active'): string[] {
  return report.findings
    .filter((f) => which === 'all' || (which === 'suppressed') === f.suppressed)
    .map((f) => `${f.file}:${f.line} ${f.ruleId}`)
    .sort();
}

export interface JsonFinding {
  ruleId: string;
  category: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  help: string;
  suppressed: boolean;
  suppressionReason?: string;
}

export interface JsonReport {
  schemaVersion: number;
  tool: { name: string; version: string };
  target: string;
  verdict: string;
  summary: {
    filesScanned: number;
    errors: number;
    warnings: number;
    notes: number;
    suppressed: number;
    byCategory: Record<string, number>;
  };
  findings: JsonFinding[];
  coverage: {
    skipped: { file: string; reason: string }[];
    parseErrors: { file: string; line: number; message: string }[];
    degraded: { file: string; reason: string }[];
    notes: { file: string; line: number; message: string }[];
  };
}
