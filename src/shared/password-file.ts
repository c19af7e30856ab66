// Passwords the reviewer supplied for encrypted documents: a JSON map whose keys are paths
// relative to the input folder or bare file names. Each password goes to its own file only.

/** Parses a password file's text; throws an Error with a plain message when it is malformed. */
export function parsePasswordMap(text: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`the password file is not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('the password file must be a JSON object mapping file names to passwords');
  }
  const map: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') {
      throw new Error(`the password for "${key}" must be a string`);
    }
    map[key.replace(/\\/g, '/').replace(/^\.\//, '')] = value;
  }
  return map;
}

/** The password for one file: an exact relative-path entry wins over a bare-file-name entry. */
export function passwordFor(rel: string, map: Record<string, string>): string | undefined {
  if (Object.prototype.hasOwnProperty.call(map, rel)) return map[rel];
  const name = rel.split('/').pop() ?? rel;
  return Object.prototype.hasOwnProperty.call(map, name) ? map[name] : undefined;
}
