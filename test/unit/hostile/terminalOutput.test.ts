/**
 * Issue #10, class 5: text from glossaries and documents never drives the terminal. Every command's output, on
 * stdout and stderr, shows control and bidirectional characters as visible escapes, and keeps every script intact.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { escapeForTerminal } from '../../../src/cli/terminalText';
import { stripBidiControls } from '../../../src/glossary';

/** What a terminal would obey: C0 except tab and line feed, DEL, C1, bidi controls, lone surrogates. */
const OBEYED =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this oracle.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function runCli(
  argv: string[],
  bundled = '/nonexistent/termmap.json',
): { code: number; output: string; stdout: string } {
  let stdout = '';
  let stderr = '';
  const code = main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    bundledTermMapPath: bundled,
    version: '0',
  });
  return { code, output: stdout + stderr, stdout };
}

const PAYLOAD =
  'clear\u001b[2J title\u001b]0;owned\u0007 clip\u001b]52;c;ZXZpbA==\u001b\\ nel\u0085 csi\u009b31m rlo\u202eevil\u202c iso\u2066x\u2069 lrm\u200e alm\u061c';

describe('hostile input: terminal output (issue #10, class 5)', () => {
  let scratch: string;
  beforeEach(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-tty-'))));
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('escapes control and bidi characters visibly and leaves tabs, line feeds and every script alone', () => {
    assert.equal(
      escapeForTerminal('a\u001b[31mb\u0007\u0085\u202e\u0000\ud800\rc'),
      'a\\u{1b}[31mb\\u{7}\\u{85}\\u{202e}\\u{0}\\u{d800}\\u{d}c',
    );
    const kept = 'tab\there\nالانتباه الذاتي 注意機構 어텐션 🤗 e\u0301 \u200d\u200c';
    assert.equal(escapeForTerminal(kept), kept);
  });

  it('never prints a control character from a glossary, a document or a file name, whatever the command', () => {
    const glossary = path.join(scratch, 'en.md');
    const body = `# Glossary\n\n## A\n\n### Attention mask ${PAYLOAD}\n\n<!-- glossary\naliases: attention mask\nkey\u001b]0;x\u0007: value\n-->\n\nA mask ${PAYLOAD}, with الانتباه and 注意.\n\nMore ${PAYLOAD}.\n`;
    fs.writeFileSync(glossary, body);
    const document = path.join(scratch, `doc\u001b[2J\u202e.md`);
    fs.writeFileSync(document, `the attention mask ${PAYLOAD}\n`);
    const termMapFile = path.join(scratch, 'termmap.json');
    const runs = {
      check: runCli(['check', glossary]),
      build: runCli(['build', glossary]),
      buildOut: runCli(['build', glossary, '--out', termMapFile]),
      lookup: runCli(['lookup', 'attention mask', '--glossary', glossary]),
      lookupMiss: runCli(['lookup', `nothing ${PAYLOAD}`, '--glossary', glossary]),
      scan: runCli(['scan', document, '--glossary', glossary]),
      scanJson: runCli(['scan', '--json', document, '--glossary', glossary]),
      missing: runCli(['scan', path.join(scratch, `gone\u0007.md`), '--glossary', glossary]),
    };
    for (const [name, run] of Object.entries(runs)) assert.doesNotMatch(run.output, OBEYED, name);
    assert.match(runs.check.output, /unknown glossary metadata key "key\\u\{1b\}\]0;x\\u\{7\}"/);
    assert.match(
      runs.lookup.output,
      /A mask clear\\u\{1b\}\[2J title\\u\{1b\}\]0;owned\\u\{7\} .* nel\\u\{85\} csi\\u\{9b\}31m rlo\\u\{202e\}evil\\u\{202c\}/,
    );
    assert.match(runs.lookup.output, /with الانتباه and 注意\./);
    assert.match(runs.scan.output, /doc\\u\{1b\}\[2J\\u\{202e\}\.md:1:5: attention mask → attention-mask/);
    assert.match(runs.missing.output, /gone\\u\{7\}\.md/);
    // JSON output stays JSON and reads back to the very text of the glossary; the file written with --out is untouched.
    const printed = JSON.parse(runs.build.stdout) as { terms: { titles: { en: string } }[] };
    // Titles lose their bidi controls in the compiler (src/glossary/bidi.ts); every other character is kept.
    assert.equal(printed.terms[0]!.titles.en, `Attention mask ${stripBidiControls(PAYLOAD)}`);
    assert.deepEqual(printed, JSON.parse(fs.readFileSync(termMapFile, 'utf8')));
    assert.equal((JSON.parse(runs.scanJson.stdout) as { file: string }[])[0]!.file, document);
  });
});
