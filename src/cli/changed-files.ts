import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** `--changed-since` could not ask git (not a repository, unknown ref, git missing): a usage error, exit 2. */
export class ChangedFilesError extends Error {
  override name = 'ChangedFilesError';
}

/** Runs git with arguments (never a shell); resolves stdout, rejects with git's first stderr line. */
function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) {
        const detail = (stderr || error.message).split('\n').find((line) => line.trim()) ?? error.message;
        reject(Object.assign(new Error(detail.trim()), { code: (error as NodeJS.ErrnoException).code }));
      } else resolve(stdout);
    });
  });
}

function nulList(text: string): string[] {
  return text.split('\0').filter(Boolean);
}

/**
 * Files changed since `ref`, as absolute paths of files that still exist: committed on this branch
 * since it left `ref` (`git diff <ref>...HEAD`), plus uncommitted changes (staged or not) and untracked
 * files that are not ignored. Only files under `cwd` are returned, relative to it and sorted.
 */
export async function changedFiles(cwd: string, ref: string): Promise<string[]> {
  let root: string;
  try {
    root = (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') throw new ChangedFilesError('--changed-since needs git, which was not found');
    throw new ChangedFilesError(`--changed-since: ${cwd} is not in a git repository`);
  }
  if (ref.startsWith('-')) throw new ChangedFilesError(`--changed-since: unknown git ref "${ref}"`);
  try {
    await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root);
  } catch {
    throw new ChangedFilesError(`--changed-since: unknown git ref "${ref}"`);
  }
  const [committed, uncommitted, untracked] = await Promise.all([
    git(['diff', '--name-only', '-z', '--no-renames', `${ref}...HEAD`, '--'], root),
    git(['diff', '--name-only', '-z', '--no-renames', 'HEAD', '--'], root),
    git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z'], root),
  ]);
  // git reports the real path of the root; compare with the real working directory.
  const realCwd = realpathSync(cwd);
  const files = new Set<string>();
  for (const relative of [...nulList(committed), ...nulList(uncommitted), ...nulList(untracked)]) {
    const file = path.resolve(root, relative);
    const fromCwd = path.relative(realCwd, file);
    if (fromCwd === '' || fromCwd.startsWith('..') || path.isAbsolute(fromCwd)) continue;
    if (existsSync(file)) files.add(fromCwd.split(path.sep).join('/'));
  }
  return [...files].sort();
}
