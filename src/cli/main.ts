/**
 * The staffplan command line (DESIGN.md §7): `staffplan <command> [args]`. Each command lives in
 * ./commands/<name>.js, exports `(argv: string[]) => Promise<number>` (the exit code) and is loaded only
 * when asked for, so `plan` never loads the service's ingestion code and vice versa. To add a command,
 * add one line to COMMANDS.
 */
import { pathToFileURL } from 'node:url';

export type CommandMain = (argv: string[]) => Promise<number>;

export const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandMain> }> = {
  plan: { summary: 'solve a staffing plan from a scenario file', load: async () => (await import('./commands/plan.js')).planCommand },
  forecast: { summary: 'capacity vs demand per skill × location', load: async () => (await import('./commands/forecast.js')).forecastCommand },
  estimate: { summary: 'cost, price and earliest start of a deal (CRM estimate)', load: async () => (await import('./commands/estimate.js')).estimateCommand },
  hiring: { summary: 'hire / contract / reskill signals and in-demand skills (HR)', load: async () => (await import('./commands/hiring.js')).hiringCommand },
  load: { summary: 'load a scenario file into a running service', load: async () => (await import('./commands/load.js')).loadCommand },
};

export function usage(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'usage: staffplan <command> <scenario.json> [options]   (staffplan <command> --help for its options)',
    '',
    ...names.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name].summary}`),
  ].join('\n') + '\n';
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`staffplan: unknown command ${JSON.stringify(name)}\n${usage()}`);
    return 2;
  }
  return (await command.load())(rest);
}

// Run when executed (bin/staffplan.js imports this file), not when a test imports it.
const entry = process.argv[1];
const invoked = entry !== undefined && (import.meta.url === pathToFileURL(entry).href || /staffplan(\.js)?$/.test(entry));
if (invoked) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`staffplan: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
