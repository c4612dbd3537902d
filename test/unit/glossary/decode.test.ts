import * as assert from 'node:assert/strict';
import { decodeGlossaryText, formatDiagnostic } from '../../../src/glossary';
import { readFixture } from './paths';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeGlossaryText', () => {
  it('strips a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('# Glossary\n')]);
    assert.deepEqual(decodeGlossaryText(bytes, 'a.md'), { text: '# Glossary\n', diagnostics: [] });
  });

  it('strips a byte order mark given as text', () => {
    assert.equal(decodeGlossaryText('\ufeff# Glossary', 'a.md').text, '# Glossary');
  });

  it('decodes UTF-16 files by their byte order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x23, 0x00, 0x20, 0x00, 0xe9, 0x00]);
    assert.equal(decodeGlossaryText(le, 'a.md').text, '# é');
  });

  it('turns CRLF and lone CR line ends into LF without changing the number of lines', () => {
    const { text } = decodeGlossaryText(utf8('a\r\nb\rc\n'), 'a.md');
    assert.equal(text, 'a\nb\nc\n');
  });

  it('repairs Mac OS Roman mojibake exactly and says so', () => {
    const { text, diagnostics } = decodeGlossaryText(readFixture('es-mojibake-mac-roman.md'), 'es.md');
    assert.match(text, /la unidad mínima de texto/);
    assert.match(text, /🤗 Transformers usa la misma definición en todas sus guías\./);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'mojibake-repaired');
    assert.equal(diagnostics[0]!.severity, 'warning');
    assert.match(diagnostics[0]!.message, /Mac OS Roman/);
  });

  it('repairs Windows-1252 mojibake exactly and says so', () => {
    const { text, diagnostics } = decodeGlossaryText(readFixture('es-mojibake-windows-1252.md'), 'es.md');
    assert.match(text, /la unidad mínima de texto/);
    assert.match(text, /🤗 Transformers/);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, /Windows-1252/.test(d.message)]),
      [['mojibake-repaired', true]],
    );
  });

  it('repairs text mangled twice', () => {
    const once = readFixture('es-mojibake-mac-roman.md');
    // Mangle the mangled fixture once more: every one of its UTF-8 bytes read as a Mac OS Roman character.
    const macRoman = 'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';
    const twice = Array.from(once, (b) => (b < 0x80 ? String.fromCharCode(b) : macRoman[b - 0x80]!)).join('');
    const { text, diagnostics } = decodeGlossaryText(utf8(twice), 'es.md');
    assert.match(text, /la unidad mínima de texto/);
    assert.match(diagnostics[0]!.message, /Mac OS Roman, then Mac OS Roman/);
  });

  it('leaves genuine accented text alone, even where a pair of characters could be mojibake', () => {
    const genuine = '# Glosario\n\nLa palabra «éxito» y los términos de la canción: año, pingüino, Ärger.\n';
    assert.deepEqual(decodeGlossaryText(utf8(genuine), 'es.md'), { text: genuine, diagnostics: [] });
  });

  it('reports bytes that are not UTF-8 with the line and column of the first bad byte', () => {
    const { diagnostics } = decodeGlossaryText(readFixture('es-latin1-invalid.md'), 'es.md');
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      'es.md:7:9: error: not valid UTF-8: byte 0xED cannot start or continue a character here; save the file as UTF-8',
    ]);
  });

  it('rejects binary input', () => {
    const { diagnostics } = decodeGlossaryText(new Uint8Array([0x23, 0x20, 0x00, 0x01, 0x02]), 'bin.md');
    assert.equal(diagnostics[0]!.code, 'undecodable');
    assert.equal(diagnostics[0]!.severity, 'error');
  });

  it('refuses a repair when mojibake is mixed with clean non-ASCII text', () => {
    const mixed = '# Glosario\n\nt√©rminos, definici√≥n, gu√≠as y también 🤗 intacto.\n';
    const { text, diagnostics } = decodeGlossaryText(utf8(mixed), 'es.md');
    assert.equal(text, mixed);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.location.line]),
      [['mojibake-unrepairable', 'error', 3]],
    );
  });
});
