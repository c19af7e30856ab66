// Installs the native tools the benchmark compares Folio with, from Debian, when they are
// missing. They are the benchmark's yardstick only: Folio neither ships nor calls them.
import { execFileSync, spawnSync } from 'node:child_process';

export interface NativeTool {
  command: string;
  /** The Debian package that provides it. */
  debianPackage: string;
  /** Arguments that print the version (to stdout or stderr). */
  versionArgs: string[];
}

export const NATIVE_TOOLS: NativeTool[] = [
  { command: 'pdftotext', debianPackage: 'poppler-utils', versionArgs: ['-v'] },
  { command: 'pdftoppm', debianPackage: 'poppler-utils', versionArgs: ['-v'] },
  { command: 'tesseract', debianPackage: 'tesseract-ocr', versionArgs: ['--version'] },
  { command: 'pandoc', debianPackage: 'pandoc', versionArgs: ['--version'] },
  { command: 'xlsx2csv', debianPackage: 'xlsx2csv', versionArgs: ['--version'] },
];

/** The packages to install for the tools that `isPresent` says are missing, each once. */
export function missingPackages(
  tools: readonly NativeTool[],
  isPresent: (command: string) => boolean,
): string[] {
  return [...new Set(tools.filter((t) => !isPresent(t.command)).map((t) => t.debianPackage))];
}

export function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** First line of each tool's version output, e.g. "pdftotext version 22.12.0; tesseract 5.3.0". */
export function toolVersions(tools: readonly NativeTool[] = NATIVE_TOOLS): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tools) {
    if (seen.has(t.debianPackage)) continue;
    seen.add(t.debianPackage);
    const r = spawnSync(t.command, t.versionArgs, { encoding: 'utf8' });
    const line = `${r.stdout ?? ''}\n${r.stderr ?? ''}`
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0);
    // xlsx2csv prints a bare number.
    out.push(
      line === undefined
        ? `${t.command} ?`
        : line.includes(t.command)
          ? line
          : `${t.command} ${line}`,
    );
  }
  return out.join('; ');
}

/** Installs what is missing with apt-get (needs root), or throws saying what to install. */
export function ensureNativeTools(log: (line: string) => void = console.log): void {
  const packages = missingPackages(NATIVE_TOOLS, commandExists);
  if (packages.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `the native-tools comparison needs ${packages.join(', ')}: sudo apt-get install -y ${packages.join(' ')}`,
    );
  }
  log(`bench: installing ${packages.join(', ')} for the comparison (bench only) …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  const still = missingPackages(NATIVE_TOOLS, commandExists);
  if (still.length > 0) throw new Error(`still missing after apt-get: ${still.join(', ')}`);
}
