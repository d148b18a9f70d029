/**
 * Input files
 *
 * Expands the paths given on the command line into a sorted list of files to read: directories are
 * walked recursively (symlinks followed, loops detected by real path), unsupported extensions and
 * unreadable entries are reported, not thrown, so a messy archive never stops the batch. Sorting by
 * path makes the order — and so the output and the shard each file falls in — deterministic.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';

/** Extensions the pipeline reads. Plain text always; the formats the text package can load. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.html', '.htm', '.pdf', '.docx'] as const;

/** A path that could not be used, with the reason. */
export interface SkippedPath {
  file: string;
  code: 'INPUT_UNSUPPORTED' | 'INPUT_UNREADABLE';
  message: string;
}

/** Result of expanding the command-line paths. */
export interface FileList {
  files: string[];
  skipped: SkippedPath[];
}

/**
 * Expands files and directories into a sorted, de-duplicated list of supported files.
 * @param paths - files or directories, e.g. `['examples', 'reports/从江县 2020.txt']`
 * @param extensions - accepted extensions (lower case, with dot)
 * @example await listInputFiles(['examples']) // { files: ['examples/a.txt', …], skipped: [] }
 */
export async function listInputFiles(
  paths: string[],
  extensions: readonly string[] = SUPPORTED_EXTENSIONS,
): Promise<FileList> {
  const files = new Set<string>();
  const skipped: SkippedPath[] = [];
  const seenDirs = new Set<string>();

  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      skipped.push({ file: path, code: 'INPUT_UNREADABLE', message: `files.list: ${path}: ${describe(error)}` });
      return;
    }
    if (info.isDirectory()) {
      let real: string;
      try {
        real = await realpath(path);
      } catch (error) {
        skipped.push({ file: path, code: 'INPUT_UNREADABLE', message: `files.list: ${path}: ${describe(error)}` });
        return;
      }
      if (seenDirs.has(real)) return; // a symlink loop or a directory reached twice
      seenDirs.add(real);
      let entries: string[];
      try {
        entries = await readdir(path);
      } catch (error) {
        skipped.push({ file: path, code: 'INPUT_UNREADABLE', message: `files.list: ${path}: ${describe(error)}` });
        return;
      }
      entries.sort();
      for (const entry of entries) {
        if (entry.startsWith('.')) continue;
        await visit(join(path, entry), false);
      }
      return;
    }
    if (!info.isFile()) return;
    const ext = extname(path).toLowerCase();
    if (!extensions.includes(ext)) {
      // Inside a directory, unknown files (images, .json gold files) are skipped quietly only if
      // they are obviously not reports; an explicitly named file is always reported.
      if (explicit || !QUIET_EXTENSIONS.has(ext)) {
        skipped.push({
          file: path,
          code: 'INPUT_UNSUPPORTED',
          message: `files.list: ${path}: unsupported file type "${ext || '(none)'}"; expected ${extensions.join(' ')}`,
        });
      }
      return;
    }
    files.add(path);
  };

  for (const path of paths) await visit(path, true);
  return {
    files: [...files].sort((a, b) => (resolve(a) < resolve(b) ? -1 : resolve(a) > resolve(b) ? 1 : 0)),
    skipped,
  };
}

// Companion files that live beside reports in an archive and are not reports themselves.
const QUIET_EXTENSIONS = new Set(['.json', '.jsonl', '.csv', '.png', '.jpg', '.jpeg', '.gif', '.css', '.js', '.md']);

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Parses a shard spec `K/N` (1-based) and tells whether a file index belongs to it.
 * Files are assigned round-robin over the sorted list, so every shard gets a similar share.
 * @example parseShard('2/4') // { index: 1, count: 4 }
 */
export function parseShard(spec: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || k < 1 || k > n) {
    throw new Error(`cli.shard: invalid --shard "${spec}"; expected K/N with 1 ≤ K ≤ N, e.g. 1/4`);
  }
  return { index: k - 1, count: n };
}
