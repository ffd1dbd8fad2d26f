#!/usr/bin/env node
import { Command, Option } from 'commander';
import { runCode } from './code-command.js';
import { runActor, runActors } from './actors-command.js';
import { runEval } from './eval-command.js';
import { loadConfig, withConfig } from './config.js';
import { EXPORT_FORMATS } from '../store/export/formats.js';

/** --clauses, on the commands that code: which clause finder (docs/architecture.md). */
const clausesOption = () =>
  new Option('--clauses <finder>', "clause finder: pos (part-of-speech tags) or parser (dependency parser); default $DYAD_CLAUSES, else the config file's clauses, else pos").choices(['pos', 'parser']);

const program = new Command();
program
  .name('dyad')
  .option('--config <file>', 'config file (default ./dyad.config.yml); may list actors, verbs, db and clauses')
  .description('Political event data from news text: who did what to whom, when and where (CAMEO, PLOVER).')
  .version('0.1.0');

program
  .command('code')
  .description('code articles into events (plain text files, JSON Lines of articles, or - for stdin)')
  .argument('[files...]', 'input files; - or none reads stdin')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'jsonl', 'csv']))
  .option('-d, --date <date>', 'article date for inputs without one (YYYY-MM-DD)')
  .option('--actors <file...>', 'extra actor dictionaries (YAML or JSON) layered over the built-in ones')
  .option('--verbs <file...>', 'extra verb-pattern files')
  .option('--max-chars <n>', 'skip articles longer than this many characters', (v) => Number(v), 5_000_000)
  .addOption(clausesOption())
  .action(async (files: string[], opts) => {
    process.exitCode = await runCode(files, withConfig({ ...program.opts(), ...opts }));
  });

program
  .command('actors')
  .description('resolve actor phrases in a batch (JSON Lines of {id, text, date})')
  .argument('[files...]', 'input files; - or none reads stdin')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'jsonl']))
  .option('--actors <file...>', 'extra actor dictionaries')
  .action(async (files: string[], opts) => {
    process.exitCode = await runActors(files, withConfig({ ...program.opts(), ...opts }));
  });

program
  .command('actor')
  .description('explain how one phrase resolves: which entry or rule, for which dates')
  .argument('<phrase>', 'the phrase, e.g. "Russian troops"')
  .option('-d, --date <date>', 'date to read it at (YYYY-MM-DD); default today')
  .option('--actors <file...>', 'extra actor dictionaries')
  .action((phrase: string, opts) => {
    process.exitCode = runActor(phrase, withConfig({ ...program.opts(), ...opts }));
  });

program
  .command('eval')
  .description('score the coder on a gold file: precision, recall and F1 at the dyad+type and full levels, per type, with the cases it got wrong')
  .argument('<gold>', 'JSON Lines of {id, date, text, expected: [{source, target, plover|cameo}]}')
  .option('--json', 'print the report as JSON')
  .option('--wrong <n>', 'how many wrong cases to list', (v) => Number(v), 20)
  .option('--actors <file...>', 'extra actor dictionaries')
  .option('--verbs <file...>', 'extra verb-pattern files')
  .addOption(clausesOption())
  .action((gold: string, opts) => {
    process.exitCode = runEval(gold, withConfig({ ...program.opts(), ...opts }));
  });

/** The store: --db, else $DYAD_DB, else the config file's db, else ./dyad.db. */
const storePath = (opts: { db?: string }): string | undefined => opts.db ?? (process.env.DYAD_DB || loadConfig(program.opts().config).db);

program
  .command('ingest')
  .description('code articles and keep them in the store: files, folders, JSON Lines, HTML pages, RSS/Atom feeds, URLs, or - for stdin')
  .argument('[inputs...]', 'files, folders (read recursively) or http(s) URLs; - or none reads stdin')
  .option('--db <file>', 'SQLite store (default $DYAD_DB, else ./dyad.db)')
  .option('-d, --date <date>', 'article date for inputs without one (YYYY-MM-DD)')
  .option('--actors <file...>', 'extra actor dictionaries')
  .option('--verbs <file...>', 'extra verb-pattern files')
  .addOption(clausesOption())
  .option('--batch <n>', 'articles per transaction', (v) => Number(v), 200)
  .option('--max-chars <n>', 'skip articles longer than this many characters', (v) => Number(v), 5_000_000)
  .option('--max-bytes <n>', 'skip files and downloads read whole that are larger (default 20 MB)', (v) => Number(v))
  .option('--timeout <ms>', 'time limit for one URL', (v) => Number(v), 15_000)
  .option('--follow-links', "fetch the page of each feed item and read the article there")
  .option('--allow-loopback', 'allow URLs on this machine (127.0.0.1, ::1); private networks stay refused')
  .option('--no-progress', 'no progress bar or progress lines')
  .option('--json', 'print the counts as JSON on stdout')
  .action(async (inputs: string[], opts) => {
    const { runIngest } = await import('./ingest-command.js');
    process.exitCode = await runIngest(inputs, withConfig({ ...program.opts(), ...opts, db: storePath(opts) }));
  });

program
  .command('recode')
  .description('code the stored articles again (after a dictionary change) and report the events added and removed per code')
  .option('--db <file>', 'SQLite store (default $DYAD_DB, else ./dyad.db)')
  .option('--actors <file...>', 'extra actor dictionaries')
  .option('--verbs <file...>', 'extra verb-pattern files')
  .addOption(clausesOption())
  .option('--batch <n>', 'articles per transaction', (v) => Number(v), 200)
  .option('--dry-run', 'report what would change; write nothing')
  .option('--json', 'print the report as JSON')
  .option('--no-progress', 'no progress bar or progress lines')
  .action(async (opts) => {
    const { runRecode } = await import('./recode-command.js');
    process.exitCode = runRecode(withConfig({ ...program.opts(), ...opts, db: storePath(opts) }));
  });

program
  .command('export')
  .description('write stored events in a standard layout: GDELT, ICEWS, Phoenix, POLECAT, PLOVER JSON Lines, CSV or Parquet')
  .addOption(new Option('-f, --format <format>', 'layout').choices([...EXPORT_FORMATS]).makeOptionMandatory())
  .option('--db <file>', 'SQLite store (default $DYAD_DB, else ./dyad.db)')
  .option('-o, --out <file>', 'write to this file (default stdout)')
  .option('--from <date>', 'first event date (YYYY-MM-DD)')
  .option('--to <date>', 'last event date (YYYY-MM-DD)')
  .option('--actor <codes...>', 'source or target code starts with one of these (RUS matches RUSGOV)')
  .option('--code <codes...>', 'CAMEO codes (19 matches 190-196) or PLOVER types (ASSAULT)')
  .option('--modality <names...>', 'keep these modalities only (asserted, intent, negated, hypothetical, question, denied)')
  .option('--one-a-day', 'one event per date, source, target and code')
  .option('--dedup [by]', 'one event per story: near-duplicate articles (clusters) count once')
  .action(async (opts) => {
    const { runExport } = await import('./export-command.js');
    process.exitCode = runExport({ ...opts, db: storePath(opts) });
  });

program
  .command('serve')
  .description('the HTTP API and the dashboard over the store (writes need DYAD_TOKEN or the config file\'s token)')
  .option('--db <file>', 'SQLite store (default $DYAD_DB, else ./dyad.db)')
  .option('-p, --port <n>', 'port (0 picks a free one)', (v) => Number(v), 8787)
  .option('--host <address>', 'address to listen on; 127.0.0.1 keeps it to this machine', '127.0.0.1')
  .option('--actors <file...>', 'extra actor dictionaries, for coding posted text')
  .option('--verbs <file...>', 'extra verb-pattern files')
  .action(async (opts) => {
    const { runServe } = await import('./serve-command.js');
    const token = process.env.DYAD_TOKEN || loadConfig(program.opts().config).token;
    process.exitCode = await runServe(withConfig({ ...program.opts(), ...opts, db: storePath(opts), token }));
  });

/** Options every analysis command takes: the store, the filters, the format. */
const analysisOptions = (cmd: Command, format: string) =>
  cmd
    .option('--db <file>', 'SQLite store (default $DYAD_DB, else ./dyad.db)')
    .option('--codes <codes...>', 'CAMEO code prefixes (19 matches 190-196) or PLOVER types, comma-separated or repeated')
    .option('--sectors <sectors...>', "CAMEO sectors (MIL, GOV): the source's or target's sectors hold one")
    .option('--dedup', 'count a syndicated story once (near-duplicate articles are one story)')
    .option('--one-a-day', 'one event per date, source, target and code')
    .addOption(new Option('-f, --format <format>', `output format (default: a table on a terminal, ${format} in a pipe)`).choices(['table', 'csv', 'json']));

analysisOptions(
  program
    .command('trend')
    .description('the conflict and cooperation of a pair of actors (or of one with everyone) per day, week or month, with the periods that alert')
    .argument('<a>', 'an actor: a country (RUS) or a full actor code (RUSGOV)')
    .argument('[b]', 'the other actor; absent: A with everyone'),
  'csv',
)
  .addOption(new Option('--period <period>', 'length of a period').choices(['day', 'week', 'month']).default('week'))
  .option('--from <date>', 'first event date (YYYY-MM-DD)')
  .option('--to <date>', 'last event date (YYYY-MM-DD)')
  .addOption(new Option('--direction <dir>', 'ab: A as source; ba: A as target; both').choices(['ab', 'ba', 'both']).default('both'))
  .option('--normalize', "add each period's share of all events stored for it, as GDELT users divide by its daily totals")
  .option('--plot <file>', 'draw the series to an SVG or PNG file, conflict red, cooperation blue, alerts marked')
  .option('--window <n>', 'alert marks: trailing periods in the baseline (default 8)')
  .option('--threshold <z>', 'alert marks: lowest robust z-score that alerts (default 3.5)')
  .option('--min-events <n>', 'alert marks: fewest conflict events in the period (default 5)')
  .action(async (a: string, b: string | undefined, opts) => {
    const { runTrend } = await import('./trend-command.js');
    process.exitCode = await runTrend(a, b, { ...opts, db: storePath(opts) });
  });

analysisOptions(
  program
    .command('alerts')
    .description('escalation alerts: the country pairs whose conflict in the latest period is far above their own recent level, with the evidence'),
  'json',
)
  .addOption(new Option('--period <period>', 'length of a period').choices(['day', 'week', 'month']).default('week'))
  .option('--window <n>', 'trailing periods in the baseline (default 8)')
  .option('--threshold <z>', 'lowest robust z-score that alerts (default 3.5)')
  .option('--min-events <n>', 'fewest conflict events in the period (default 5)')
  .option('--as-of <date>', 'scan the period of this day, reading no event after it (default: the last event)')
  .option('--limit <n>', 'at most this many alerts, the highest scores')
  .option('--evidence <n>', 'evidence events per alert, the most severe first (default 5)')
  .action(async (opts) => {
    const { runAlerts } = await import('./alerts-command.js');
    process.exitCode = await runAlerts({ ...opts, db: storePath(opts) });
  });

analysisOptions(
  program.command('top').description('the country pairs with the most events; --actors: the countries; --movers: the pairs that changed most since the period before'),
  'csv',
)
  .option('--actors', 'countries instead of pairs')
  .option('--movers', 'the biggest changes from the previous period to the latest')
  .option('--from <date>', 'first event date (YYYY-MM-DD)')
  .option('--to <date>', 'last event date (YYYY-MM-DD)')
  .addOption(new Option('--period <period>', 'movers: length of a period').choices(['day', 'week', 'month']).default('week'))
  .option('--as-of <date>', 'movers: compare the period of this day with the one before (default: the last event)')
  .addOption(new Option('--measure <measure>', 'movers: what changed').choices(['events', 'conflict', 'weight']).default('events'))
  .option('--limit <n>', 'how many (default 10)')
  .action(async (opts) => {
    const { runTop } = await import('./top-command.js');
    process.exitCode = await runTop({ ...opts, db: storePath(opts) });
  });

program.parseAsync().catch((e: Error) => {
  process.stderr.write(`dyad: ${e.message}\n`);
  process.exitCode = 2;
});
