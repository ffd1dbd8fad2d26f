import type { StoredActor, StoredEvent } from '../queries.js';
import { actorName, actorParts, countryName, ploverIntensity } from './fields.js';

const entity = (a: StoredActor) => {
  const p = actorParts(a);
  return {
    code: p.country || p.entity,
    sector: p.sectors[0] ?? null,
    entity_text: a.text,
    identifier_text: actorName(a),
    country_name: countryName(p.country) || null,
    other_sector_codes: p.sectors.slice(1),
  };
};

/**
 * An event as a record of the PLOVER JSON interchange spec ("Data Fields"): id, date, actor and event are
 * required; recipient, event_text, quad_code, event_scale, mode, context, event_loc, text_info, cite_info and
 * coder follow. `link` joins the events of one story (cluster). Events without a PLOVER type give null.
 */
export const ploverRecord = (e: StoredEvent) => {
  if (!e.plover) return null;
  return {
    id: String(e.id),
    date: e.date,
    actor: e.source ? [entity(e.source)] : [],
    recipient: e.target ? [entity(e.target)] : [],
    event: [e.plover.type],
    event_text: [e.evidence.text],
    quad_code: e.quadClass,
    event_scale: ploverIntensity(e),
    mode: e.plover.mode ? [e.plover.mode] : [],
    context: e.plover.context ? [e.plover.context] : [],
    ...(e.place
      ? { event_loc: { extracted_place: e.place, country: e.placeDetail?.country ?? null, region: e.placeDetail?.region ?? null, lat: e.placeDetail?.lat ?? null, lon: e.placeDetail?.lon ?? null } }
      : {}),
    link: `story-${e.clusterId}`,
    text_info: { sequence: e.sentence.index + 1, start: e.evidence.start, end: e.evidence.end },
    cite_info: {
      corpus: 'dyad',
      citation: e.docId,
      ...(e.article.url ? { url: e.article.url } : {}),
      ...(e.article.title ? { title: e.article.title } : {}),
      language: 'en',
      ...(e.article.publisher ? { publication: e.article.publisher } : {}),
      coder: 'dyad',
      codebook: e.dictionary,
    },
    coder: 'dyad',
    coded_date: e.article.ingestedAt.slice(0, 10),
    coded_time: e.article.ingestedAt.slice(11, 19),
  };
};
