/**
 * One measurement of `npm run bench`, run in a child process of its own so that the memory figures of one size do
 * not include the garbage of another: compiles a glossary of the given size made of real entries (see
 * repeatedGlossary) and prints `{ bytes, ms, rssMb, heapMb, terms, errors, parseMs }` as JSON. Times are CPU time, so
 * that a busy machine slows the figures less. `parseMs` is the
 * baseline measured in the same process afterwards: remark parsing the same text once, without any of our work.
 *
 * Usage: node out/bench/compile-size.js <bytes> <glossary.md>
 */
import fs from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { compileGlossaries } from '../../src/glossary';
import { repeatedGlossary } from './inputs';

const [bytesArg, sourceFile] = process.argv.slice(2);
if (!bytesArg || !sourceFile) throw new Error('usage: compile-size.js <bytes> <glossary.md>');
const text = repeatedGlossary(fs.readFileSync(sourceFile, 'utf8'), Number(bytesArg));
const content = new TextEncoder().encode(text);

/** CPU time (user + system) in milliseconds: unlike wall time, it does not count the time other processes had the CPU. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

const start = process.cpuUsage();
const result = compileGlossaries([{ file: 'large.md', content, locale: 'en' }]);
const ms = cpuMs(start);
// The heap V8 reserved by the end of the compile is its high-water mark (V8 shrinks it only later); maxRSS is the
// operating system's high-water mark of the whole process, input included.
const heapMb = process.memoryUsage().heapTotal / 2 ** 20;
const rssMb = (process.resourceUsage().maxRSS * 1024) / 2 ** 20;
const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
const terms = result.termMap.terms.length;

const parseStart = process.cpuUsage();
unified().use(remarkParse).parse(text);
const parseMs = cpuMs(parseStart);

process.stdout.write(JSON.stringify({ bytes: content.length, ms, rssMb, heapMb, terms, errors, parseMs }));
