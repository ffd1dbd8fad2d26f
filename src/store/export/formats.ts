/** The layouts `dyad export` writes (a module of its own, so the CLI can list them without loading the writers). */
export const EXPORT_FORMATS = ['gdelt', 'icews', 'phoenix', 'polecat', 'plover-jsonl', 'csv', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
