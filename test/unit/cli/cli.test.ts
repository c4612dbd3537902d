/**
 * The command-line tool, run in-process through `main(argv, io)` with captured output, plus a few runs of the
 * built dist/cli.js to check what only the real process shows (exit status, no stack traces).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, main } from '../../../src/cli/main';
import type { TermMap } from '../../../src/glossary/types';
import { repoRoot } from '../../helpers/repoRoot';

const root = repoRoot();
const glossaryDir = path.join(root, 'test', 'fixtures', 'docs', 'cli-glossary');
const en = path.join(glossaryDir, 'en.md');
const es = path.join(glossaryDir, 'es.md');
const broken = path.join(glossaryDir, 'broken-en.md');

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(argv: string[], bundledTermMapPath = path.join(os.tmpdir(), 'no-such-dir', 'termmap.json')): RunResult {
  let stdout = '';
  let stderr = '';
  const code = main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    bundledTermMapPath,
    version: '9.8.7',
  });
  return { code, stdout, stderr };
}

/** A one-line message: what every failure must look like (no stack trace, no multi-line dump). */
function assertOneLineError(result: RunResult, pattern: RegExp): void {
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0]!, /^transformers-glossary: /);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
}

let scratch: string;

describe('transformers-glossary CLI', () => {
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-cli-'));
  });
  afterEach(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  describe('arguments', () => {
    it('prints help with --help and without arguments', () => {
      for (const argv of [['--help'], [], ['scan', '-h']]) {
        const result = run(argv);
        assert.equal(result.code, EXIT_OK);
        assert.match(result.stdout, /^Usage: transformers-glossary <command>/);
        assert.match(result.stdout, /scan <files…> \[--json\]/);
      }
    });

    it('prints the version', () => {
      assert.deepEqual(run(['--version']), { code: EXIT_OK, stdout: 'transformers-glossary 9.8.7\n', stderr: '' });
    });

    const badArguments: [string[], RegExp][] = [
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['--frobnicate'], /unknown option '--frobnicate'/],
      [['check'], /needs at least one glossary file/],
      [['scan', 'x.py', '--out', 'y'], /'scan' does not take the option '--out'/],
      [['build', en, '--out'], /--out needs a value/],
      [['lookup', 'token', '--lang', 'Spanish'], /--lang wants a language code/],
      [['lookup'], /needs a term or identifier/],
      [['scan', 'x.py', '--glossary'], /--glossary needs at least one file/],
    ];
    for (const [argv, message] of badArguments) {
      it(`rejects ${JSON.stringify(argv.map((arg) => path.basename(arg)))} with one line and exit 2`, () => {
        const result = run(argv);
        assert.equal(result.code, EXIT_USAGE);
        assert.equal(result.stdout, '');
        assertOneLineError(result, message);
      });
    }
  });

  describe('check', () => {
    it('exits 0 with a summary line on a good glossary', () => {
      const result = run(['check', en, es]);
      assert.equal(result.code, EXIT_OK, result.stderr);
      assert.equal(result.stdout, '2 files, 4 terms: 0 errors, 0 warnings\n');
    });

    it('prints diagnostics as file:line:column and exits 1 on errors', () => {
      const result = run(['check', broken]);
      assert.equal(result.code, EXIT_FAILURE);
      const lines = result.stdout.trimEnd().split('\n');
      assert.match(
        lines[0]!,
        new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:9:1: error: .*attention-mask`),
      );
      assert.match(lines[1]!, /:13:1: error: .*autoencoding models/);
      assert.equal(lines[2], '1 file, 2 terms: 2 errors, 0 warnings');
    });

    it("skips a folder's README that a glob names beside the glossaries, and says so", () => {
      const readme = path.join(scratch, 'README.md');
      fs.writeFileSync(readme, '# How we write the glossary\n\n## English\n\n| term | preferred |\n|---|---|\n');
      const result = run(['check', en, readme, es]);
      assert.equal(result.code, EXIT_OK, result.stderr);
      assert.equal(result.stdout, '2 files, 4 terms: 0 errors, 0 warnings\n');
      assert.match(result.stderr, /skipped .*README\.md: a folder's README documents the glossary/);
      assertOneLineError(run(['check', readme]), /no glossary source among the files given/);
    });

    it('aligns a translation checked alone to the bundled term map, and warns when there is none', () => {
      const korean = path.join(root, 'test', 'fixtures', 'glossary', 'ko-alone.md');
      const bundled = path.join(scratch, 'termmap.json');
      run(['build', path.join(root, 'test', 'fixtures', 'glossary', 'en-align.md'), '--out', bundled]);
      const aligned = run(['check', korean], bundled);
      assert.equal(aligned.code, EXIT_OK, aligned.stderr);
      // Only the term the reference lacks is reported; `(LLM)` and `(deep learning)` found their English anchors.
      assert.match(
        aligned.stdout,
        /^.*ko-alone\.md:47:1: warning: .*flash attention.*\n1 file, 9 terms: 0 errors, 1 warning\n$/,
      );
      const ids = (JSON.parse(run(['build', korean], bundled).stdout) as TermMap).terms.map((t) => t.id);
      assert.ok(ids.includes('large-language-models-llm') && ids.includes('deep-learning-dl'), ids.join(' '));
      const alone = run(['check', korean]);
      assert.match(alone.stdout, /1 file, 9 terms: 0 errors, 9 warnings\n$/);
    });

    it('reports an unreadable file in one line and exits 2', () => {
      const missing = path.join(scratch, 'missing.md');
      assertOneLineError(run(['check', missing]), /cannot read .*missing\.md: no such file/);
      assert.equal(run(['check', scratch]).code, EXIT_USAGE);
      assertOneLineError(run(['check', scratch]), /is a directory/);
    });
  });

  describe('build', () => {
    it('prints the term map on stdout', () => {
      const result = run(['build', en, es]);
      assert.equal(result.code, EXIT_OK, result.stderr);
      const termMap = JSON.parse(result.stdout) as TermMap;
      assert.equal(termMap.schemaVersion, 1);
      assert.deepEqual(termMap.locales, ['en', 'es']);
      assert.deepEqual(
        termMap.terms.map((term) => term.id),
        ['attention-mask', 'input-ids', 'labels', 'masked-language-modeling-mlm'],
      );
    });

    it('writes --out atomically and leaves no temporary file behind', () => {
      const out = path.join(scratch, 'nested', 'termmap.json');
      const result = run(['build', en, '--out', out]);
      assert.equal(result.code, EXIT_OK, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /wrote 4 terms in 1 locale to /);
      assert.equal((JSON.parse(fs.readFileSync(out, 'utf8')) as TermMap).terms.length, 4);
      assert.deepEqual(fs.readdirSync(path.dirname(out)), ['termmap.json']);
    });

    it('never replaces a good --out file when the glossary has errors', () => {
      const out = path.join(scratch, 'termmap.json');
      assert.equal(run(['build', en, '--out', out]).code, EXIT_OK);
      const before = fs.readFileSync(out);
      const result = run(['build', broken, '--out', out]);
      assert.equal(result.code, EXIT_FAILURE);
      assert.match(result.stderr, /broken-en\.md:9:1: error: /);
      assert.match(result.stderr, /2 errors; .*termmap\.json left unchanged/);
      assert.deepEqual(fs.readFileSync(out), before);
      assert.deepEqual(fs.readdirSync(scratch), ['termmap.json']);
    });

    it('reports an unwritable --out in one line', () => {
      const blocker = path.join(scratch, 'file');
      fs.writeFileSync(blocker, 'not a directory');
      const result = run(['build', en, '--out', path.join(blocker, 'termmap.json')]);
      assert.equal(result.code, EXIT_USAGE);
      assert.match(result.stderr, /cannot write .*termmap\.json: /);
    });
  });

  describe('lookup', () => {
    const names: [string, string][] = [
      ['attention-mask', 'attention-mask'],
      ['attention_mask', 'attention-mask'],
      ['Attention Mask', 'attention-mask'],
      ['attention masks', 'attention-mask'],
      ['decoder_attention_mask', 'attention-mask'],
      ['input ids', 'input-ids'],
      ['MLM', 'masked-language-modeling-mlm'],
      ['masked language modeling', 'masked-language-modeling-mlm'],
      ['mlm', 'masked-language-modeling-mlm'],
    ];
    for (const [query, termId] of names) {
      it(`finds ${termId} from "${query}"`, () => {
        const result = run(['lookup', ...query.split(' '), '--glossary', en, es]);
        assert.equal(result.code, EXIT_OK, result.stderr);
        assert.match(result.stdout, new RegExp(`^.*  \\(${termId}\\)\n`));
        assert.ok(
          result.stdout.trimEnd().endsWith(`https://huggingface.co/docs/transformers/en/glossary#${termId}`),
          result.stdout,
        );
      });
    }

    it('prints title, identifiers, summary and the rest of the body once each', () => {
      const result = run(['lookup', 'attention_mask', '--glossary', en]);
      const lines = result.stdout.split('\n');
      assert.equal(lines[0], 'attention mask  (attention-mask)');
      assert.equal(lines[1], 'Identifiers: attention_mask');
      assert.equal(result.stdout.split('A tensor of ones and zeros').length, 2);
      assert.match(result.stdout, /Positions marked with zero are skipped/);
    });

    it('does not repeat a summary whose paragraph holds links, code and identifiers', () => {
      const glossary = path.join(scratch, 'en.md');
      fs.writeFileSync(
        glossary,
        '# Glossary\n\n## L\n\n### logits\n\nRaw scores of the [head](#logits), shaped `(batch_size, vocab_size)`, _before_ a softmax.\n\nA second paragraph.\n',
      );
      const result = run(['lookup', 'logits', '--glossary', glossary]);
      assert.equal(result.code, EXIT_OK, result.stderr);
      assert.equal(result.stdout.split('Raw scores').length, 2, result.stdout);
      assert.match(
        result.stdout,
        /A second paragraph\.\n$/,
        'no glossary URL: the upstream glossary has no "logits" entry',
      );
    });

    it('ends with the docs page a term declares when the upstream glossary lacks it', () => {
      const glossary = path.join(scratch, 'en.md');
      fs.writeFileSync(
        glossary,
        '# Glossary\n\n## L\n\n### logits\n<!-- glossary\ndocs: main_classes/output\n-->\n\nRaw scores.\n',
      );
      assert.match(
        run(['lookup', 'logits', '--glossary', glossary]).stdout,
        /\n\nhttps:\/\/huggingface\.co\/docs\/transformers\/en\/main_classes\/output\n$/,
      );
    });

    it('shows the entry of --lang, and says so when it falls back to English', () => {
      const spanish = run(['lookup', 'attention mask', '--lang', 'es', '--glossary', en, es]);
      assert.match(spanish.stdout, /Un tensor de unos y ceros/);
      assert.match(spanish.stdout, /glossary#attention-mask\n$/);
      assert.match(spanish.stdout, /\/es\/glossary#attention-mask/);
      const fallback = run(['lookup', 'labels', '--lang', 'es', '--glossary', en, es]);
      assert.match(fallback.stdout, /No 'es' entry; showing 'en'\./);
      assert.match(fallback.stdout, /The targets the loss compares/);
    });

    it('suggests close names and exits 1 when nothing matches', () => {
      const result = run(['lookup', 'atention', 'mask', '--glossary', en]);
      assert.equal(result.code, EXIT_FAILURE);
      assertOneLineError(
        result,
        /no glossary entry for "atention mask"\. Did you mean: attention mask \(attention-mask\)\?/,
      );
      assertOneLineError(run(['lookup', 'zebra', '--glossary', en]), /no glossary entry for "zebra"\.$/);
    });

    it('reads a term map .json given with --glossary', () => {
      const termMapFile = path.join(scratch, 'termmap.json');
      fs.writeFileSync(termMapFile, run(['build', en]).stdout);
      assert.match(run(['lookup', 'labels', '--glossary', termMapFile]).stdout, /^labels {2}\(labels\)/);
      fs.writeFileSync(termMapFile, '{"schemaVersion": 99, "locales": [], "terms": []}');
      assertOneLineError(run(['lookup', 'labels', '--glossary', termMapFile]), /schema version 99/);
    });

    it('rejects a term map .json whose terms lack fields with a clear usage error, not an internal error', () => {
      const termMapFile = path.join(scratch, 'bad.json');
      const cases: [string, RegExp][] = [
        [
          '{"schemaVersion": 1, "locales": ["en"], "terms": [{"id": "x"}]}',
          /bad\.json is not a valid term map: the term "x" lacks its titles/,
        ],
        [
          '{"schemaVersion": 1, "locales": ["en"], "terms": [{"id": "x", "titles": {}, "abbreviations": [], "identifiers": [], "aliases": [], "entries": {"en": {"title": "x"}}}]}',
          /the term "x" has an entry \(en\) that lacks its section/,
        ],
        ['{"schemaVersion": 1, "locales": ["en"], "terms": [null]}', /a term without an id/],
        ['[1, 2]', /bad\.json does not hold a term map/],
        ['{"schemaVersion": 1', /bad\.json is not valid JSON/],
      ];
      for (const [json, message] of cases) {
        fs.writeFileSync(termMapFile, json);
        for (const command of ['lookup', 'scan']) {
          const result = run([command, command === 'lookup' ? 'x' : termMapFile, '--glossary', termMapFile]);
          assert.equal(result.code, EXIT_USAGE, `${command} ${json}`);
          assertOneLineError(result, message);
          assert.doesNotMatch(result.stderr, /internal error/);
        }
      }
    });

    it('uses the bundled term map without --glossary, and explains in one line when it is missing', () => {
      const bundled = path.join(scratch, 'termmap.json');
      fs.writeFileSync(bundled, run(['build', en]).stdout);
      assert.equal(run(['lookup', 'MLM'], bundled).code, EXIT_OK);
      const missing = run(['lookup', 'MLM'], path.join(scratch, 'absent.json'));
      assert.equal(missing.code, EXIT_USAGE);
      assertOneLineError(missing, /no bundled term map at .*absent\.json/);
    });

    it('refuses a glossary with errors', () => {
      const result = run(['lookup', 'attention mask', '--glossary', broken]);
      assert.equal(result.code, EXIT_FAILURE);
      assert.match(result.stderr, /broken-en\.md:9:1: error: /);
      assert.match(result.stderr, /transformers-glossary: the glossary has 2 errors\n$/);
    });
  });

  describe('scan', () => {
    it('prints --json records with 1-based UTF-16 line and column', () => {
      const doc = path.join(scratch, 'page.md');
      fs.writeFileSync(doc, '# Title\n\n🤗 The attention mask and `input_ids`.\r\n');
      const result = run(['scan', doc, '--json', '--glossary', en]);
      assert.equal(result.code, EXIT_OK, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout), [
        { file: doc, line: 3, column: 8, length: 14, text: 'attention mask', termId: 'attention-mask' },
        { file: doc, line: 3, column: 28, length: 9, text: 'input_ids', termId: 'input-ids' },
      ]);
    });

    it('prints file:line:column: text → termId, reading .py as code and other files as prose', () => {
      const code = path.join(scratch, 'train.py');
      const prose = path.join(scratch, 'notes.txt');
      fs.writeFileSync(code, 'loss = model(input_ids, labels=labels)\n');
      fs.writeFileSync(prose, 'loss = model(input_ids, labels=labels)\n');
      const result = run(['scan', code, prose, '--glossary', en]);
      assert.equal(result.code, EXIT_OK, result.stderr);
      assert.equal(
        result.stdout,
        [
          `${code}:1:14: input_ids → input-ids`,
          `${code}:1:25: labels → labels`,
          `${prose}:1:14: input_ids → input-ids`,
          '',
        ].join('\n'),
      );
    });

    it('prints an empty JSON array when nothing matches', () => {
      const empty = path.join(scratch, 'empty.md');
      fs.writeFileSync(empty, 'Nothing to see here.\n');
      assert.equal(run(['scan', '--json', empty, '--glossary', en]).stdout, '[]\n');
    });

    it('still scans the readable files when one is missing, and exits 2', () => {
      const doc = path.join(scratch, 'ok.md');
      fs.writeFileSync(doc, 'MLM\n');
      const result = run(['scan', path.join(scratch, 'gone.py'), doc, '--glossary', en]);
      assert.equal(result.code, EXIT_USAGE);
      assert.equal(result.stdout, `${doc}:1:1: MLM → masked-language-modeling-mlm\n`);
      assertOneLineError(result, /cannot read .*gone\.py: no such file/);
    });

    it('finds every input_ids and attention_mask of the modeling fixture with the CLI glossary', () => {
      const modeling = path.join(root, 'test', 'fixtures', 'code', 'modeling_toy.py');
      const records = JSON.parse(run(['scan', modeling, '--json', '--glossary', en]).stdout) as {
        text: string;
        termId: string;
      }[];
      const text = fs.readFileSync(modeling, 'utf8');
      for (const [identifier, termId] of [
        ['input_ids', 'input-ids'],
        ['attention_mask', 'attention-mask'],
      ] as const) {
        // The fixture glossary has no decoder input IDs entry, so every occurrence, inside decoder_input_ids too, counts.
        const expected = text.split(identifier).length - 1;
        assert.equal(
          records.filter((record) => record.text === identifier && record.termId === termId).length,
          expected,
          identifier,
        );
      }
    });
  });

  describe('the built executable', () => {
    const cli = path.join(root, 'dist', 'cli.js');

    it('exits 2 with one line and no stack trace on bad input', () => {
      assert.ok(fs.existsSync(cli), 'dist/cli.js is built by `node scripts/build.mjs` before the unit tests run');
      const result = spawnSync(process.execPath, [cli, 'scan', path.join(scratch, 'missing.py'), '--glossary', en], {
        encoding: 'utf8',
      });
      assert.equal(result.status, EXIT_USAGE);
      assertOneLineError({ code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }, /cannot read/);
    });

    it('scans with --json and exits 0', () => {
      const doc = path.join(scratch, 'page.md');
      fs.writeFileSync(doc, 'masked language modeling (MLM)\n');
      const result = spawnSync(process.execPath, [cli, 'scan', doc, '--json', '--glossary', en], { encoding: 'utf8' });
      assert.equal(result.status, EXIT_OK, result.stderr);
      assert.deepEqual(
        (JSON.parse(result.stdout) as { text: string }[]).map((record) => record.text),
        ['masked language modeling', 'MLM'],
      );
    });
  });
});
