// Maps positions in the esbuild bundles (dist/*.mjs) back to src/ files and lines, so profile
// summaries name the TypeScript that people edit. A minimal reader for source map v3 "mappings"
// (base64 VLQ): enough for lookups, no dependency.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes one comma-separated segment of base64 VLQ numbers. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = DIGIT.get(ch);
    if (digit === undefined) throw new Error(`bad VLQ character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

interface Mapping {
  column: number;
  source: number;
  line: number;
}

export interface OriginalPosition {
  /** Relative to the project root when inside it. */
  source: string;
  /** 1-based. */
  line: number;
}

export class SourceMap {
  private readonly lines: Mapping[][] = [];
  private readonly sources: string[];

  constructor(
    json: { sources: string[]; mappings: string; sourceRoot?: string },
    mapDir: string,
    root: string,
  ) {
    this.sources = json.sources.map((s) =>
      path.relative(root, path.resolve(mapDir, json.sourceRoot ?? '', s)),
    );
    let source = 0;
    let line = 0;
    for (const generatedLine of json.mappings.split(';')) {
      const mappings: Mapping[] = [];
      let column = 0;
      for (const segment of generatedLine.split(',')) {
        if (segment === '') continue;
        const [dColumn, dSource, dLine] = decodeVlq(segment);
        column += dColumn;
        if (dSource === undefined) continue;
        source += dSource;
        line += dLine;
        mappings.push({ column, source, line });
      }
      this.lines.push(mappings);
    }
  }

  /** Original position of a 0-based generated line and column (the last mapping at or before it). */
  lookup(line: number, column: number): OriginalPosition | undefined {
    const mappings = this.lines[line];
    if (!mappings || mappings.length === 0) return undefined;
    let best: Mapping | undefined;
    for (const m of mappings) {
      if (m.column <= column) best = m;
      else break;
    }
    best ??= mappings[0];
    return { source: this.sources[best.source], line: best.line + 1 };
  }
}

/** Loads `<file>.map` once per file; undefined when there is none. */
export class SourceMapCache {
  private readonly maps = new Map<string, SourceMap | undefined>();
  constructor(private readonly root: string) {}

  forFile(file: string): SourceMap | undefined {
    if (!this.maps.has(file)) {
      const mapFile = file + '.map';
      this.maps.set(
        file,
        existsSync(mapFile)
          ? new SourceMap(
              JSON.parse(readFileSync(mapFile, 'utf8')),
              path.dirname(mapFile),
              this.root,
            )
          : undefined,
      );
    }
    return this.maps.get(file);
  }
}
