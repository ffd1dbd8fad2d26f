/** One CAMEO event code (root, base or sub level) with GDELT's Goldstein score and QuadClass. */
export type CameoCode = {
  code: string;
  root: string;
  level: 'root' | 'base' | 'sub';
  name: string;
  icewsName: string | null;
  /** Goldstein conflict–cooperation score, −10…+10; null where GDELT gives none (1213, 1214, 1951, 1952). */
  goldstein: number | null;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quadClass: 1 | 2 | 3 | 4;
};

export type PloverType = {
  type: string;
  quad: string;
  requiresRecipient: boolean;
  score: number;
  modes: { mode: string; score: number | null }[];
};

export type CameoPloverRow = { cameo: string; type: string; mode: string | null; context: string | null };

export type CameoActorType = { code: string; label: string };

export type CameoCountry = { code: string; name: string; cow: string };
