/** A dated role of a person in the registry; `end: null` while still held. */
export type DatedRole = { title: string; sector: string; start: string; end: string | null; country?: string; org?: string };

/** One entry of the actor dictionaries: a name that news text uses, and what it stands for. */
export type ActorEntry = {
  /** Stable id, e.g. "country:RUS", "capital:RUS", "role:troops", "org:nato", "person:usa-joe-biden". */
  id: string;
  /** `place`: a city or region from the gazetteer, which gives its country ("Shanghai police" → CHNCOP). */
  kind: 'country' | 'demonym' | 'capital' | 'place' | 'org' | 'person' | 'role' | 'modifier';
  name: string;
  country?: string;
  sector?: string;
  /** Full code for organisations (IGOWSTNAT); for others the code is built from country and sector. */
  code?: string;
  roles?: DatedRole[];
  /** A role noun for a member of some body ("officer", "president of"): the body gives the sector. */
  member?: boolean;
  /** A person's name and variants, for the surname index. */
  names?: string[];
  /** For people of an international organisation (country IGO): the organisation's code, e.g. UNO, NAT. */
  org?: string;
  /** For a modifier ("former"): the sector it imposes. */
  dictionary: string;
};
