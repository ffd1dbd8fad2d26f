const BARS = '▁▂▃▄▅▆▇█';

/**
 * A row of block characters, one per value, scaled from 0 to the largest value (a value of 0 is the lowest
 * bar; a series of zeros is a flat row). For the conflict line under `dyad trend`'s table.
 *
 * @example
 * sparkline([0, 1, 4, 8]) // -> '▁▂▅█'
 */
export const sparkline = (values: readonly number[]): string => {
  const max = Math.max(0, ...values);
  return values.map((v) => BARS[max > 0 ? Math.min(BARS.length - 1, Math.round((Math.max(0, v) / max) * (BARS.length - 1))) : 0]).join('');
};
