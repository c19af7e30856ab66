// Screenshots of the workbench taken while the suite runs: the suite (inside the extension host)
// cannot see the page, so it asks the driver, which owns the headless browser, by writing
// `<name>.request` into FOLIO_TEST_SHOTS_DIR and waiting for `<name>.png`. Under a runner that
// takes no screenshots (run-electron.ts) the variable is unset and this does nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';

export async function screenshot(name: string, timeoutMs = 30_000): Promise<string | undefined> {
  const dir = process.env.FOLIO_TEST_SHOTS_DIR;
  if (!dir) return undefined;
  const png = path.join(dir, `${name}.png`);
  fs.rmSync(png, { force: true });
  // Lets the workbench paint what the test just did before the picture.
  await new Promise((resolve) => setTimeout(resolve, 800));
  fs.writeFileSync(path.join(dir, `${name}.request`), '');
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(png)) {
    if (Date.now() > deadline) throw new Error(`the driver took no screenshot "${name}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return png;
}
