#!/usr/bin/env node
import { Command, Option } from 'commander';
import { runCode } from './code-command.js';
import { runActor, runActors } from './actors-command.js';
import { runEval } from './eval-command.js';
import { withConfig } from './config.js';

const program = new Command();
program
  .name('dyad')
  .option('--config <file>', 'config file (default ./dyad.config.yml); may list actors, verbs and db')
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
  .action((gold: string, opts) => {
    process.exitCode = runEval(gold, withConfig({ ...program.opts(), ...opts }));
  });

program.parseAsync().catch((e: Error) => {
  process.stderr.write(`dyad: ${e.message}\n`);
  process.exitCode = 2;
});
