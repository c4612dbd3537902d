import * as assert from 'node:assert/strict';
import { compileGlossaries, formatDiagnostic } from '../../../src/glossary';

const minimal = `# Glossary

## A

### attention mask

A tensor of ones and zeros that tells the model which positions are padding.
`;

describe('compileGlossaries', () => {
  it('compiles a minimal glossary into one term keyed by its English anchor', () => {
    const result = compileGlossaries([{ file: 'en.md', content: minimal }]);
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
    assert.equal(result.termMap.schemaVersion, 1);
    assert.deepEqual(result.termMap.locales, ['en']);
    const term = result.termMap.terms[0]!;
    assert.equal(term.id, 'attention-mask');
    assert.deepEqual(term.identifiers, ['attention_mask']);
    assert.equal(term.entries.en!.summary, 'A tensor of ones and zeros that tells the model which positions are padding.');
    assert.deepEqual(term.entries.en!.source, { file: 'en.md', line: 5, column: 1 });
  });
});
