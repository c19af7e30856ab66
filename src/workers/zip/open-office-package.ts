// The first step of both Office extractors: open the zip, check it is what it should be, and
// refuse bombs before any library inflates a byte.
import { folioError } from '../../shared/errors';
import { checkPackageLimits, type PackageLimits } from './package-limits';
import { type OfficePackageKind, verifyDeclaredSizes, ZipPackage } from './zip-package';

export async function openOfficePackage(
  path: string,
  expected: OfficePackageKind,
  limits: PackageLimits,
): Promise<ZipPackage> {
  const label = expected.toUpperCase();
  const pkg = await ZipPackage.open(path, label);
  pkg.maxInflatedBytes = limits.maxUnzippedBytes;
  try {
    if (pkg.kind !== expected) {
      throw folioError(
        'CORRUPT',
        pkg.kind === undefined
          ? `The ${label} is damaged: its main part (${expected === 'docx' ? 'word/document.xml' : 'xl/workbook.xml'}) is missing.`
          : `The file is a ${pkg.kind.toUpperCase()}, not a ${label}.`,
      );
    }
    checkPackageLimits(pkg.entries.values(), limits, label);
    await verifyDeclaredSizes(pkg, limits.maxUnzippedBytes);
    return pkg;
  } catch (error) {
    pkg.close();
    throw error;
  }
}
