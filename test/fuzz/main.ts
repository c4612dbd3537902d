/**
 * `npm run fuzz -- [--cases N] [--seed S] [--max-size U] [--cli-every N] [--render-every N] [--probes N] [--replay CASE_SEED]
 * [--input FILE.json] [--no-corpus]`:
 * a fuzz run of any length. Prints the run seed first, each failure with its case seed and the file its minimized
 * input was written to (out/fuzz/failures/), and a summary; exits non-zero when a case failed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runFuzz } from './fuzz';
import { caseFromJson } from './minimize';

function parse(argv: readonly string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (name === 'no-corpus') options.set(name, 'true');
    else options.set(name, inline ?? argv[++i] ?? '');
  }
  return options;
}

const root = path.resolve(__dirname, '..', '..');
const options = parse(process.argv.slice(2));
const number = (name: string, fallback: number): number => {
  const value = options.get(name);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} takes a non-negative integer, not ${value}`);
  return parsed;
};
const seed = number('seed', Math.floor(Math.random() * 2 ** 31));
const cases = number('cases', 1000);
const inputFile = options.get('input');
console.log(
  `fuzz: seed ${seed}, ${cases} cases${options.has('replay') ? `, replaying case seed ${options.get('replay')}` : ''}`,
);
const report = runFuzz({
  root,
  seed,
  cases,
  maxSize: number('max-size', 65_536),
  corpusMaxSize: options.has('no-corpus') ? -1 : Infinity,
  cliEvery: number('cli-every', 20),
  renderEvery: number('render-every', 1),
  probes: number('probes', 200),
  failureDir: path.join(root, 'out', 'fuzz', 'failures'),
  ...(options.has('replay') ? { replay: number('replay', 0) } : {}),
  ...(inputFile !== undefined ? { input: caseFromJson(fs.readFileSync(inputFile, 'utf8')) } : {}),
  log: (line) => console.log(line),
});
console.log(
  `fuzz: ${report.cases} cases in ${(report.elapsedMs / 1000).toFixed(1)} s, ${report.failures.length} failing (seed ${seed})`,
);
process.exitCode = report.failures.length > 0 ? 1 : 0;
