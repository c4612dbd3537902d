/**
 * Cases: the whole hostile corpus, unchanged (one case per file), and seeded random cases that mutate it or
 * generate from the dialect.
 */
import type { Corpus, FuzzCase, FuzzDocument, FuzzSource } from './generate';
import { generateDocument, generateGlossary, mutate, mutateBytes } from './generate';
import { Random } from './random';

/** Names a document can use: headings, metadata values and the anchors derived from them, read roughly. */
function formsOf(text: string): { forms: string[]; ids: string[] } {
  const forms: string[] = [];
  for (const match of text.matchAll(/^#{3}[ \t]+([^\r\n]{1,200})/gm)) {
    forms.push(match[1]!.replace(/\[\[[^\]]*\]\]\s*$/, '').trim());
  }
  for (const match of text.matchAll(/^(?:aliases|abbreviations|identifiers):([^\r\n]{0,2000})/gm)) {
    forms.push(
      ...match[1]!
        .split(',')
        .map((v) => v.trim())
        .slice(0, 20),
    );
  }
  const kept = forms.filter((form) => form !== '').slice(0, 200);
  return {
    forms: kept,
    ids: kept
      .map((form) =>
        form
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, ''),
      )
      .filter((id) => id !== ''),
  };
}

function textOf(source: FuzzSource): string {
  return typeof source.content === 'string' ? source.content : new TextDecoder().decode(source.content);
}

export function randomCase(seed: number, corpus: Corpus, maxSize: number): FuzzCase {
  const r = new Random(seed);
  const corpusTexts = [...corpus.glossaries.map((g) => g.text), ...corpus.documents.map((d) => d.text)];
  const glossaries: FuzzSource[] = [];
  for (let i = r.chance(0.8) ? 1 : 2; i > 0; i--) {
    if (r.chance(0.5)) {
      const original = r.pick(corpus.glossaries);
      const kind = r.int(8);
      const file = `${original.name.replace(/\.md$/, '')}-${i}.md`;
      if (kind === 0 && original.bytes.length <= maxSize) glossaries.push({ file, content: original.bytes });
      else if (kind === 1) {
        glossaries.push({ file, content: mutateBytes(r, mutate(r, original.text, corpusTexts, maxSize)) });
      } else glossaries.push({ file, content: mutate(r, original.text, corpusTexts, maxSize) });
    } else {
      const generated = generateGlossary(r, i);
      glossaries.push(
        r.chance(0.3) ? { ...generated, content: mutate(r, textOf(generated), corpusTexts, maxSize) } : generated,
      );
    }
  }
  const { forms, ids } = formsOf(glossaries.map(textOf).join('\n'));
  const documents: FuzzDocument[] = [];
  for (let i = r.between(1, 3); i > 0; i--) {
    if (r.chance(0.3)) {
      const original = r.pick(corpus.documents);
      documents.push({
        file: `${original.name.replace(/^d-/, 'doc-')}`,
        text: mutate(r, original.text, corpusTexts, maxSize),
      });
    } else {
      documents.push(generateDocument(r, forms, ids, i, maxSize));
    }
  }
  return { glossaries, documents };
}

/**
 * Every corpus file as it is: each glossary compiled alone and matched against two documents and its own text,
 * and each document matched against the glossaries that were written to go with the documents.
 */
export function corpusCases(corpus: Corpus, maxSize = Infinity): { name: string; testCase: FuzzCase }[] {
  const cases: { name: string; testCase: FuzzCase }[] = [];
  const documentFor = (i: number): FuzzDocument[] => {
    const picked = [
      corpus.documents[i % corpus.documents.length]!,
      corpus.documents[(i * 7 + 3) % corpus.documents.length]!,
    ];
    return picked.map((d) => ({ file: d.name, text: d.text }));
  };
  corpus.glossaries.forEach((g, i) =>
    cases.push({
      name: g.name,
      testCase: { glossaries: [{ file: g.name, content: g.bytes }], documents: documentFor(i) },
    }),
  );
  const companions = corpus.glossaries.filter((g) =>
    /companion|alias-self-overlap|long-link-text|control-chars|rtl-bidi/.test(g.name),
  );
  for (const d of corpus.documents) {
    cases.push({
      name: d.name,
      testCase: {
        glossaries: companions.map((g) => ({ file: g.name, content: g.bytes })),
        documents: [{ file: d.name, text: d.text }],
      },
    });
  }
  const sizeOf = (c: FuzzCase): number =>
    Math.max(...c.glossaries.map((g) => g.content.length), ...c.documents.map((d) => d.text.length));
  return cases.filter((c) => sizeOf(c.testCase) <= maxSize);
}
