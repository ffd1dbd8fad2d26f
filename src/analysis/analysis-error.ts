/**
 * An option an analysis cannot use: `option` names it and the message says what it takes. The CLI prints the
 * message and exits 2; the HTTP server answers 400 with it.
 */
export class AnalysisError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
    this.name = 'AnalysisError';
  }
}
