import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { READABLE_NAME } from './sniff-kind.js';

export type WalkResult = { files: string[]; passedOver: Map<string, number> };

/**
 * The readable files under a folder, in every subfolder, in name order so a walk is the same every time.
 * Hidden files and folders (a leading dot) are not read; symbolic links to files are read, links to folders
 * are followed once (a loop is not walked twice). Files of other kinds are counted by extension in `passedOver`.
 */
export const walkFolder = (root: string, { readable = READABLE_NAME }: { readable?: RegExp } = {}): WalkResult => {
  const files: string[] = [];
  const passedOver = new Map<string, number>();
  const seen = new Set<string>();
  const visit = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      let st;
      try {
        st = lstatSync(p).isSymbolicLink() ? statSync(p) : lstatSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) visit(p);
      else if (st.isFile()) {
        if (readable.test(name)) files.push(p);
        else {
          const ext = extname(name).toLowerCase() || '(none)';
          passedOver.set(ext, (passedOver.get(ext) ?? 0) + 1);
        }
      }
    }
  };
  visit(root);
  return { files, passedOver };
};
