/**
 * Issue #10, class 8: a lone CR ends a line, as in VS Code and the compiler, wherever positions are reported: the
 * command-line `scan`, the `undecodable` diagnostic, and the Markdown context ranges the hover asks.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { compileGlossaries } from '../../../src/glossary';
import { markdownContextRanges } from '../../../src/matching';

function runCli(argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    bundledTermMapPath: '/nonexistent/termmap.json',
    version: '0',
  });
  return { code, stdout, stderr };
}

describe('hostile input: lone CR line ends (issue #10, class 8)', () => {
  let scratch: string;
  beforeEach(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-cr-'))));
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('scan reports CR-only, CRLF and mixed files at the lines and columns an editor shows', () => {
    const glossary = path.join(scratch, 'en.md');
    fs.writeFileSync(glossary, '# Glossary\n\n## A\n\n### Attention mask\n\nA mask.\n');
    const lines = ['first line', 'the attention mask here', '', '  attention mask'];
    for (const [name, end] of [
      ['cr.md', '\r'],
      ['crlf.md', '\r\n'],
      ['lf.md', '\n'],
    ] as const) {
      const file = path.join(scratch, name);
      fs.writeFileSync(file, lines.join(end));
      const result = runCli(['scan', file, '--glossary', glossary]);
      assert.equal(
        result.stdout,
        `${file}:2:5: attention mask → attention-mask\n${file}:4:3: attention mask → attention-mask\n`,
        name,
      );
    }
    const mixed = path.join(scratch, 'mixed.md');
    fs.writeFileSync(mixed, 'a\rb\r\nc\nattention mask\r\rattention mask');
    assert.deepEqual(
      runCli(['scan', mixed, '--glossary', glossary])
        .stdout.split('\n')
        .filter(Boolean)
        .map((l) => l.slice(mixed.length)),
      [':4:1: attention mask → attention-mask', ':6:1: attention mask → attention-mask'],
    );
  });

  it('places the undecodable diagnostic of a CR-only file on its line', () => {
    const bytes = Buffer.concat([
      Buffer.from('# Glossary\r\r## A\r\r### T\r\rbad '),
      Buffer.from([0xff]),
      Buffer.from(' byte\r'),
    ]);
    const undecodable = compileGlossaries([{ file: 'cr.md', content: bytes }]).diagnostics.find(
      (d) => d.code === 'undecodable',
    );
    assert.deepEqual(undecodable?.location, { file: 'cr.md', line: 7, column: 5 });
    const crlf = Buffer.from(bytes.toString('latin1').replace(/\r/g, '\r\n'), 'latin1');
    assert.deepEqual(
      compileGlossaries([{ file: 'crlf.md', content: crlf }]).diagnostics.find((d) => d.code === 'undecodable')
        ?.location,
      { file: 'crlf.md', line: 7, column: 5 },
    );
  });

  it('reads fenced Python blocks of a CR-only Markdown file as code', () => {
    const text = 'a\r```python\rx(labels=y)\r```\rlabels=y\r';
    const ranges = markdownContextRanges(text);
    assert.deepEqual(
      ranges.map((range) => [range.context, text.slice(range.start, range.end)]),
      [
        ['prose', 'a\r```python\r'],
        ['code', 'x(labels=y)\r'],
        ['prose', '```\rlabels=y\r'],
      ],
    );
  });
});
