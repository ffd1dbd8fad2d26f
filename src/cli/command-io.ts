import { warn } from './output.js';

/**
 * Where a command writes: its output, its messages (stderr, "dyad: " first) and its progress. The commands
 * take one so that tests run them in-process and read what they said.
 */
export type CommandIO = {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  warn: (line: string) => void;
  /** Where progress goes; default stderr. */
  progress?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
};

export const processIO: CommandIO = { stdout: process.stdout, warn };
