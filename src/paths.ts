import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder (where package.json is), from wherever the compiled module sits. */
const findRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('dyad: cannot find the package root from ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
};

export const PACKAGE_ROOT = findRoot();
export const DICTIONARY_DIR = join(PACKAGE_ROOT, 'dictionaries');
