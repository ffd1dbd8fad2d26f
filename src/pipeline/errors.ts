/** Errors raised while a pipeline is built: a code, and a message that says how to fix it. */
export class PipelineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`[${code}] ${message}`);
    this.name = 'PipelineError';
  }
}
