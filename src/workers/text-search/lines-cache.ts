// The extracted texts that hits are read from, kept split into lines for the next queries: a
// reviewer's queries keep landing in the same files, and reading and splitting a long text per
// query was most of a query's time. Bounded by characters held (least recently used out first),
// and checked against the file's size and mtime, so a file extracted again is read again.
import { readFile, stat } from 'node:fs/promises';

interface Entry {
  version: string;
  lines: string[];
  chars: number;
}

/** Characters kept by default: about 32 MB of UTF-16 in the child. */
export const DEFAULT_CACHE_CHARS = 16 * 1024 * 1024;

export class LinesCache {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;

  constructor(private readonly maxChars = DEFAULT_CACHE_CHARS) {}

  /** The file's lines, or undefined when it cannot be read. */
  async lines(file: string): Promise<string[] | undefined> {
    let version: string;
    try {
      const info = await stat(file);
      version = `${info.size}:${info.mtimeMs}`;
    } catch {
      this.drop(file);
      return undefined;
    }
    const cached = this.entries.get(file);
    if (cached && cached.version === version) {
      // Most recently used last.
      this.entries.delete(file);
      this.entries.set(file, cached);
      return cached.lines;
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      this.drop(file);
      return undefined;
    }
    const entry = { version, lines: text.split('\n'), chars: text.length };
    this.drop(file);
    if (entry.chars <= this.maxChars) {
      this.entries.set(file, entry);
      this.chars += entry.chars;
      for (const [key, old] of this.entries) {
        if (this.chars <= this.maxChars) break;
        this.entries.delete(key);
        this.chars -= old.chars;
      }
    }
    return entry.lines;
  }

  private drop(file: string): void {
    const old = this.entries.get(file);
    if (!old) return;
    this.entries.delete(file);
    this.chars -= old.chars;
  }

  get size(): { files: number; chars: number } {
    return { files: this.entries.size, chars: this.chars };
  }
}
