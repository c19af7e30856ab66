// What Folio says about passwords, in one place, so the CLI, the extension, the report and the
// setting's description give the same advice: the setting's name, the flag's name and the file's
// format, with an example.

/** The password file's format, with an example, as the setting's description shows it. */
export const PASSWORD_FILE_FORMAT =
  'a JSON map of file (path relative to the extracted folder, or bare name) to password, e.g. {"statements/q3.pdf": "s3cret", "payroll.pdf": "pw"}';

/** Where a password goes: the CLI's flag and the extension's setting, one file for both. */
export const PASSWORD_FILE_WHERE = '--password-file FILE (CLI) or the folio.passwordFile setting';

export const PDF_NEEDS_PASSWORD = `Password-protected PDF: add its password to the password file (${PASSWORD_FILE_FORMAT}) given with ${PASSWORD_FILE_WHERE}, and extract again.`;

export const PDF_WRONG_PASSWORD = `The password supplied for this PDF is wrong: check its entry in the password file given with ${PASSWORD_FILE_WHERE}.`;

export const OFFICE_ENCRYPTED =
  'Password-protected Office document: Folio cannot decrypt Office files, even with the password file; open it in Office, remove the password, save it and extract again.';

/** An owner password restricts printing, copying or editing, but lets anyone open the file. */
export const PDF_OWNER_PROTECTED =
  'The PDF is protected (an owner password restricts printing, copying or editing); it opens without a password, so its text was extracted.';

export const PDF_OPENED_WITH_PASSWORD =
  'The PDF is password-protected; it was opened with the password from the password file.';
