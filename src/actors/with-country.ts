import type { Actor } from '../doc/index.js';

/**
 * A role without a country ("authorities", "the unions") made the actor of a country the text implies, its
 * entry saying how (`+context:FRA`, `+coreference:MLI`). Actors with a country, non-state codes (IGO, NGO, …)
 * and anything that is not a country code are left as they are.
 */
export const withCountry = <A extends Actor>(actor: A, country: string | null | undefined, how: string): A => {
  if (actor.country || !country || !/^[A-Z]{3}$/.test(country) || /^(IGO|NGO|IMG|MNC|UNO|EUR)$/.test(country)) return actor;
  return { ...actor, country, code: country + actor.sector, entry: `${actor.entry}+${how}:${country}` };
};
