// Reads the `folio.passwordFile` setting's file with the CLI's parser, so one file means the same
// passwords in both. A file that is set but cannot be used stops the run with a plain error: a
// batch that quietly ran without the passwords would report every protected file ENCRYPTED.
// Pure apart from reading the file (no vscode import).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PASSWORD_FILE_FORMAT } from '../shared/password-advice';
import { parsePasswordMap } from '../shared/password-file';

/** The password file is set but cannot be used; the message names the file and the setting. */
export class PasswordFileError extends Error {}

/** Where the setting points: an absolute path, or one relative to the folder being extracted. */
export function passwordFilePath(setting: string, folder: string): string {
  return path.isAbsolute(setting) ? setting : path.join(folder, setting);
}

/** The passwords for extracting `folder`: {} when the setting is empty; throws PasswordFileError. */
export async function readPasswordsFor(
  setting: string,
  folder: string,
): Promise<Record<string, string>> {
  if (!setting.trim()) return {};
  const file = passwordFilePath(setting, folder);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new PasswordFileError(
      `cannot read the password file ${file} (${code}; setting folio.passwordFile)`,
    );
  }
  try {
    return parsePasswordMap(text);
  } catch (error) {
    // The format beside the fault: the one advice the setting's description also gives.
    throw new PasswordFileError(
      `${(error as Error).message} (${file}; setting folio.passwordFile): it must be ${PASSWORD_FILE_FORMAT}`,
    );
  }
}
