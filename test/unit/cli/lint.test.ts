/**
 * `lint` and `coverage`, run in-process through `main` over docs trees written into a scratch folder, with our
 * terminology fixtures (test/fixtures/terminology/) as the glossary: every output format, the exit statuses, the
 * language of a page, and `--fix` (atomic, and files without a fix keep their bytes and modification time).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, main } from '../../../src/cli/main';
import { repoRoot } from '../../helpers/repoRoot';

const fixtures = path.join(repoRoot(), 'test', 'fixtures', 'terminology');
const glossary = ['en.md', 'es.md', 'ja.md'].map((name) => path.join(fixtures, name));

function run(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    bundledTermMapPath: path.join(os.tmpdir(), 'no-such-dir', 'termmap.json'),
    version: '9.8.7',
  });
  return { code, stdout, stderr };
}

/** The parts of a SARIF result the tests read. */
interface SarifResult {
  ruleId: string;
  level: string;
  locations: { physicalLocation: { region: Record<string, number> } }[];
  message: { text: string };
  fixes: {
    description: { text: string };
    artifactChanges: { replacements: { insertedContent: { text: string } }[] }[];
  }[];
}

let scratch: string;
const write = (relative: string, text: string): string => {
  const file = path.join(scratch, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};
const lint = (...args: string[]): ReturnType<typeof run> => run(['lint', ...args, '--glossary', ...glossary]);

describe('transformers-glossary lint', () => {
  let spanish: string;
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-lint-'));
    spanish = write('docs/source/es/guia.md', '# Guía\n\n😀 La cabeza usa la attention mask.\n');
    write('docs/source/es/limpio.md', '# Limpio\n\nLa cabecera y la máscara de atención.\n');
    write('docs/source/ja/page.md', 'モデルの頭部を交換します。\n');
    write('notes/sin-idioma.md', 'La cabeza.\n');
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('prints findings as text with a summary, reads each page’s language from its path, and exits 0 without errors', () => {
    const result = lint(path.join(scratch, 'docs'));
    assert.equal(result.code, EXIT_OK, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((line) => line.replace(scratch, '<tmp>')),
      [
        `<tmp>/docs/source/es/guia.md:3:7: warning: In Spanish, the glossary avoids "cabeza": se confunde con las cabezas de atención, que son otra cosa. Use "cabecera". [avoided-term]`,
        `<tmp>/docs/source/es/guia.md:3:21: information: "attention mask" is the English term; in Spanish, the glossary translates it. Use "máscara de atención". [english-term]`,
        `<tmp>/docs/source/ja/page.md:1:5: warning: In Japanese, the glossary avoids "頭部": 体の部位と紛らわしいため. Use "ヘッド". [avoided-term]`,
        '3 files checked: 0 errors, 2 warnings, 1 information',
      ],
    );
  });

  it('skips a page of unknown language with a note, and --lang names it', () => {
    const skipped = lint(path.join(scratch, 'notes'));
    assert.match(skipped.stderr, /skipped 1 file of unknown language .*--lang/);
    assert.match(skipped.stdout, /^0 files checked/);
    const named = lint(path.join(scratch, 'notes'), '--lang', 'es');
    assert.match(named.stdout, /sin-idioma\.md:1:4: warning: In Spanish, the glossary avoids "cabeza"/);
  });

  it('exits 1 on an error-severity finding and 2 on a missing input', () => {
    write('docs/source/es/roto.md', 'Ver [x](../glossary#no-such-term).\n');
    const result = lint(path.join(scratch, 'docs'));
    assert.equal(result.code, EXIT_FAILURE);
    assert.match(
      result.stdout,
      /roto\.md:1:21: error: The glossary has no term with the anchor "#no-such-term"\. \[unknown-anchor\]/,
    );
    assert.equal(lint(path.join(scratch, 'nowhere')).code, EXIT_USAGE);
  });

  it('prints JSON records with 1-based lines and UTF-16 columns', () => {
    const records = JSON.parse(lint(spanish, '--format', 'json').stdout) as Record<string, unknown>[];
    assert.deepEqual(records[0], {
      file: spanish,
      line: 3,
      column: 7,
      endLine: 3,
      endColumn: 13,
      code: 'avoided-term',
      severity: 'warning',
      message:
        'In Spanish, the glossary avoids "cabeza": se confunde con las cabezas de atención, que son otra cosa. Use "cabecera".',
      termId: 'head',
      text: 'cabeza',
      fix: 'cabecera',
    });
    assert.equal(records.length, 2);
  });

  it('prints GitHub workflow annotations, notices for information, with properties escaped', () => {
    const odd = write('docs/source/es/a,b:c.md', 'La cabeza.\n');
    const result = lint(spanish, odd, '--format', 'github');
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(
      lines[0]!,
      /^::warning file=.*\/guia\.md,line=3,col=7,endLine=3,endColumn=13,title=terminology%3A avoided-term::In Spanish, the glossary avoids "cabeza"/,
    );
    assert.match(
      lines[1]!,
      /^::notice file=.*,line=3,col=21,endLine=3,endColumn=35,title=terminology%3A english-term::"attention mask"/,
    );
    assert.match(lines[2]!, /^::warning file=.*\/a%2Cb%3Ac\.md,line=1,col=4,/);
    assert.equal(lines.length, 3);
  });

  it('prints a SARIF 2.1.0 log with rules, levels, regions and fixes', () => {
    const log = JSON.parse(lint(spanish, '--format', 'sarif').stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string }[] } };
        columnKind: string;
        results: SarifResult[];
      }[];
    };
    assert.equal(log.version, '2.1.0');
    const [runLog] = log.runs;
    assert.equal(runLog!.tool.driver.name, 'transformers-glossary');
    assert.deepEqual(
      runLog!.tool.driver.rules.map((rule) => rule.id),
      ['avoided-term', 'english-term', 'unknown-anchor'],
    );
    assert.equal(runLog!.columnKind, 'utf16CodeUnits');
    const [avoided, english] = runLog!.results;
    assert.equal(avoided!.ruleId, 'avoided-term');
    assert.equal(avoided!.level, 'warning');
    assert.equal(english!.level, 'note');
    assert.deepEqual(avoided!.locations[0]!.physicalLocation.region, {
      startLine: 3,
      startColumn: 7,
      endLine: 3,
      endColumn: 13,
    });
    assert.deepEqual(avoided!.fixes[0]!.artifactChanges[0]!.replacements[0]!.insertedContent, { text: 'cabecera' });
    // The words of the editor's quick fix and diagnostic (src/terminology/messages.ts), in English.
    assert.equal(avoided!.fixes[0]!.description.text, 'Replace with "cabecera"');
    assert.match(avoided!.message.text, /^In Spanish, the glossary avoids "cabeza": /);
  });

  it('--fix rewrites fixable findings atomically and leaves every other file untouched', () => {
    const clean = path.join(scratch, 'docs/source/es/limpio.md');
    const old = new Date('2020-01-02T03:04:05Z');
    fs.utimesSync(clean, old, old);
    write('docs/source/es/bom.md', '\uFEFFCabezas aquí.\n');
    const result = lint(path.join(scratch, 'docs'), '--fix');
    assert.equal(result.code, EXIT_OK, result.stderr);
    assert.equal(fs.readFileSync(spanish, 'utf8'), '# Guía\n\n😀 La cabecera usa la máscara de atención.\n');
    assert.equal(fs.readFileSync(path.join(scratch, 'docs/source/es/bom.md'), 'utf8'), '\uFEFFCabeceras aquí.\n');
    assert.equal(
      fs.readFileSync(path.join(scratch, 'docs/source/ja/page.md'), 'utf8'),
      'モデルのヘッドを交換します。\n',
    );
    assert.equal(fs.statSync(clean).mtimeMs, old.getTime());
    assert.match(result.stderr, /fixed 4 findings in 3 files/);
    // What is left after the fix is printed, and no temporary file stays behind.
    assert.match(result.stdout, /^4 files checked: 0 errors, 0 warnings, 0 information/m);
    assert.deepEqual(fs.readdirSync(path.join(scratch, 'docs/source/es')).sort(), ['bom.md', 'guia.md', 'limpio.md']);
    // A second run has nothing to fix and writes nothing.
    const mtime = fs.statSync(spanish).mtimeMs;
    assert.match(lint(path.join(scratch, 'docs'), '--fix').stderr, /fixed 0 findings in 0 files/);
    assert.equal(fs.statSync(spanish).mtimeMs, mtime);
  });

  it('escapes control characters of file names in its output', () => {
    write('docs/source/es/a\u001bb.md', 'La cabeza.\n');
    const result = lint(path.join(scratch, 'docs/source/es'));
    assert.match(result.stdout, /a\\u\{1b\}b\.md:1:4/);
    assert.ok(!result.stdout.includes('\u001b'));
  });

  it('rejects an unknown format', () => {
    const result = run(['lint', 'x.md', '--format', 'xml']);
    assert.equal(result.code, EXIT_USAGE);
    assert.match(result.stderr, /--format wants one of text, json, github, sarif, not 'xml'/);
  });
});

describe('transformers-glossary coverage', () => {
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-coverage-'));
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('prints the terms × locales table with kept and missing entries, and a summary per locale', () => {
    const result = run(['coverage', ...glossary]);
    assert.equal(result.code, EXIT_OK, result.stderr);
    const rows = result.stdout.split('\n');
    assert.match(rows[0]!, /^term\s+en\s+es\s+ja$/);
    assert.ok(
      rows.some((row) => /^pipeline\s+✓\s+en\s+·$/.test(row)),
      result.stdout,
    );
    assert.ok(
      rows.some((row) => /^attention-mask\s+✓\s+✓\s+✓$/.test(row)),
      result.stdout,
    );
    assert.match(result.stdout, /^es: 3 present, 2 kept in English, 1 missing of 6$/m);
    assert.match(result.stdout, /^0 broken anchors$/m);
  });

  it('reports broken anchors of a glossary file and exits 1; --format json gives the same report', () => {
    const file = write(
      'es.md',
      fs
        .readFileSync(glossary[1]!, 'utf8')
        .replace('Las últimas capas', 'Ver [nada](#no-such-anchor). Las últimas capas'),
    );
    const text = run(['coverage', glossary[0]!, file]);
    assert.equal(text.code, EXIT_FAILURE);
    assert.match(
      text.stdout,
      /es\.md:\d+:\d+: No term or heading of this glossary has the anchor "#no-such-anchor"\.$/m,
    );
    const json = JSON.parse(run(['coverage', glossary[0]!, file, '--format', 'json']).stdout) as {
      brokenAnchors: { anchor: string }[];
      summary: Record<string, unknown>;
    };
    assert.deepEqual(
      json.brokenAnchors.map((broken) => broken.anchor),
      ['no-such-anchor'],
    );
    assert.deepEqual(json.summary.es, { present: 3, missing: 1, kept: 2 });
  });
});
