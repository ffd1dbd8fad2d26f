/** Buffered writes to stdout that end quietly when the reader goes away (`dyad code ... | head`). */
export const createOutput = (stream: NodeJS.WritableStream = process.stdout) => {
  let buf: string[] = [];
  let size = 0;
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else throw e;
  });
  const flush = () => {
    if (buf.length && !closed) stream.write(buf.join(''));
    buf = [];
    size = 0;
  };
  return {
    line(s: string) {
      buf.push(s + '\n');
      size += s.length;
      if (size > 1 << 16) flush();
    },
    flush,
    get closed() {
      return closed;
    },
  };
};

export const warn = (s: string) => process.stderr.write(`dyad: ${s}\n`);
