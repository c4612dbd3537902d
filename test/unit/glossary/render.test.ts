import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlossaries } from '../../../src/glossary/index';
import { classifyHref, parseHttpUrl, renderEntryHtml } from '../../../src/glossary/render';
import { repoRoot } from '../../helpers/repoRoot';

/** Every way the rendered HTML could run code or reach outside the panel; none may appear in the output. */
function assertInert(html: string): void {
  assert.doesNotMatch(html, /<script/i, html);
  assert.doesNotMatch(html, /<style/i, html);
  assert.doesNotMatch(html, /<iframe/i, html);
  assert.doesNotMatch(html, /<img/i, html);
  assert.doesNotMatch(html, /<object|<embed|<svg|<form|<input|<meta|<link/i, html);
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, html);
  assert.doesNotMatch(html, /\sstyle\s*=/i, html);
  // Text may mention any scheme; only attribute values can make a browser follow one.
  for (const [, name, value] of html.matchAll(/\s([a-z-]+)="([^"]*)"/gi)) {
    assert.ok(['href', 'class', 'data-term', 'data-external', 'start'].includes(name!), `unexpected attribute ${name} in ${html}`);
    if (name === 'href') assert.match(value!, /^(https?:\/\/|#)/, html);
  }
}

describe('renderEntryHtml', () => {
  describe('what an entry needs', () => {
    it('renders a python code block with its language class', () => {
      const html = renderEntryHtml('Example:\n\n```python\n>>> tokenizer("Hi")\n```\n');
      assert.equal(html, '<p>Example:</p>\n<pre><code class="language-python">>>> tokenizer("Hi")\n</code></pre>');
    });

    it('isolates right-to-left runs inside code, so that code reads in the order it is written', () => {
      const html = renderEntryHtml('قائمة `x["أ"]`:\n\n```python\n>>> tokenizer(["جملة قصيرة", "جملة أطول"], padding=True)\n```\n');
      assert.match(html, /<code>x\["<bdi>أ<\/bdi>"\]<\/code>/);
      assert.match(html, /tokenizer\(\["<bdi>جملة قصيرة<\/bdi>", "<bdi>جملة أطول<\/bdi>"\], padding=True\)/);
      // Prose is laid out by the page's direction, and code without right-to-left letters is left as it was.
      assert.match(html, /^<p>قائمة <code>/);
      assert.doesNotMatch(renderEntryHtml('```python\n>>> tokenizer("Hi")\n```\n'), /<bdi>/);
      assertInert(html);
    });

    it('renders lists, emphasis and inline code', () => {
      const html = renderEntryHtml('- one `input_ids`\n- **two**\n\n1. first\n2. *second*\n');
      assert.match(html, /<ul>\s*<li>one <code>input_ids<\/code><\/li>\s*<li><strong>two<\/strong><\/li>\s*<\/ul>/);
      assert.match(html, /<ol>\s*<li>first<\/li>\s*<li><em>second<\/em><\/li>\s*<\/ol>/);
    });

    it('marks a block quote opening with a bold label as a callout', () => {
      const html = renderEntryHtml('> **Tip**\n>\n> Pad on the left for generation.\n');
      assert.match(html, /<blockquote class="callout">/);
      assert.match(html, /<strong>Tip<\/strong>/);
    });

    it('leaves an ordinary block quote alone', () => {
      const html = renderEntryHtml('> quoted *text*\n');
      assert.match(html, /<blockquote>/);
      assert.doesNotMatch(html, /callout/);
    });

    it('turns in-page references into term links', () => {
      const html = renderEntryHtml('See [encoder models](#encoder-models).');
      assert.match(html, /<a href="#encoder-models" data-term="encoder-models">encoder models<\/a>/);
    });

    it('keeps http(s) links and marks them external', () => {
      const html = renderEntryHtml('[docs](https://huggingface.co/docs/transformers/en/model_doc/bert) and [old](http://example.com/a)');
      assert.match(html, /<a href="https:\/\/huggingface.co\/docs\/transformers\/en\/model_doc\/bert" data-external="true">docs<\/a>/);
      assert.match(html, /<a href="http:\/\/example.com\/a" data-external="true">old<\/a>/);
    });

    it('lets the caller turn references to unknown terms into text', () => {
      const html = renderEntryHtml('[known](#attention-mask) and [gone](#no-such-term)', {
        linkTarget: (href) => (href === '#attention-mask' ? classifyHref(href) : { kind: 'unsafe', href: '' }),
      });
      assert.match(html, /data-term="attention-mask"/);
      assert.match(html, /and gone<\/p>/);
    });

    it('drops a malformed reference to its text', () => {
      const html = renderEntryHtml('[CTC](#connectionist-temporal-classification-(CTC))');
      assert.equal(html, '<p>CTC</p>');
    });
  });

  describe('hostile markdown', () => {
    const hostile: [string, string][] = [
      ['a script element', 'Before\n\n<script>document.title = "pwned"</script>\n\nAfter'],
      ['an inline script', 'Text <script>alert(1)</script> more'],
      ['an image with an error handler', '<img src=x onerror="alert(1)">'],
      ['a javascript: link', '[x](javascript:alert(1))'],
      ['a javascript: link with odd casing and spaces', '[x](<  JaVaScRiPt:alert(1)>)'],
      ['an entity-encoded javascript: link', '[x](&#106;avascript:alert(1))'],
      ['a command: link', '[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)'],
      ['a vscode: link', '[x](vscode://file/etc/passwd)'],
      ['a file: link', '[x](file:///etc/passwd)'],
      ['a data: link', '[x](data:text/html,<script>alert(1)</script>)'],
      ['a raw anchor with onclick', '<a href="https://example.com" onclick="alert(1)">x</a>'],
      ['an iframe', '<iframe src="https://example.com"></iframe>'],
      ['a style element', '<style>body { display: none }</style>'],
      ['an inline style attribute', '<p style="color:red">x</p>'],
      ['a markdown image', '![alt](https://tracker.example/pixel.png)'],
      ['an image with a javascript: source', '![alt](javascript:alert(1))'],
      ['an autolink with a bad scheme', '<javascript:alert(1)>'],
      ['a reference definition with a bad scheme', '[x][ref]\n\n[ref]: javascript:alert(1)'],
      ['an svg with a handler', '<svg onload="alert(1)"><circle/></svg>'],
      ['a form', '<form action="https://example.com"><input name=a></form>'],
      ['a meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
      ['an html comment', 'a <!-- <script>alert(1)</script> --> b'],
    ];
    for (const [name, markdown] of hostile) {
      it(`renders ${name} inert`, () => {
        assertInert(renderEntryHtml(markdown));
      });
    }

    it('keeps the visible text of a dropped link', () => {
      assert.equal(renderEntryHtml('[click me](javascript:alert(1))'), '<p>click me</p>');
      assert.equal(renderEntryHtml('[run](command:workbench.action.terminal.new)'), '<p>run</p>');
    });

    it('drops inline raw tags and keeps the text between them as text', () => {
      assert.equal(renderEntryHtml('Before <script>alert(1)</script> after'), '<p>Before alert(1) after</p>');
    });

    it('drops a raw HTML block with its content', () => {
      assert.equal(renderEntryHtml('Before\n\n<script>\nalert(1)\n</script>\n\nAfter'), '<p>Before</p>\n<p>After</p>');
    });

    it('turns an image into a link to it rather than loading it', () => {
      assert.equal(
        renderEntryHtml('![diagram](https://huggingface.co/x.png)'),
        '<p><a href="https://huggingface.co/x.png" data-external="true">diagram</a></p>',
      );
    });

    it('escapes text that looks like markup', () => {
      const html = renderEntryHtml('`<script>` and 5 < 6 & "quotes"');
      assert.doesNotMatch(html, /<script>/);
      assert.match(html, /<code>&#x3C;script><\/code>/);
    });

    it('ignores a caller that classifies a bad scheme as external', () => {
      const html = renderEntryHtml('[x](javascript:alert(1))', { linkTarget: (href) => ({ kind: 'external', href }) });
      assertInert(html);
      assert.equal(html, '<p>x</p>');
    });

    it('ignores a caller that gives a term id that is not an id', () => {
      const html = renderEntryHtml('[x](#a)', { linkTarget: () => ({ kind: 'term', href: '#"><script>', termId: '"><script>' }) });
      assert.equal(html, '<p>x</p>');
    });
  });
});

describe('classifyHref', () => {
  it('classifies fragments, http(s) and other schemes', () => {
    assert.deepEqual(classifyHref('#input-ids'), { kind: 'term', href: '#input-ids', termId: 'input-ids' });
    assert.deepEqual(classifyHref('https://huggingface.co/a'), { kind: 'external', href: 'https://huggingface.co/a' });
    assert.equal(classifyHref('javascript:alert(1)').kind, 'unsafe');
    assert.equal(classifyHref('model_doc/bert').kind, 'unsafe');
    assert.equal(classifyHref('#').kind, 'unsafe');
  });
});

describe('parseHttpUrl', () => {
  it('accepts only absolute http(s) URLs without credentials', () => {
    assert.equal(parseHttpUrl('https://huggingface.co/docs'), 'https://huggingface.co/docs');
    assert.equal(parseHttpUrl('HTTPS://HuggingFace.co/x'), 'https://huggingface.co/x');
    assert.equal(parseHttpUrl('https://huggingface.co@evil.example/'), undefined);
    assert.equal(parseHttpUrl('javascript:alert(1)'), undefined);
    assert.equal(parseHttpUrl('/relative'), undefined);
    assert.equal(parseHttpUrl('data:text/html,x'), undefined);
  });
});

describe('renderEntryHtml on the real glossaries', function () {
  // The upstream English glossary and the Spanish one as it was handed to us live outside the repository.
  const shared = path.join(repoRoot(), '..', 'shared');
  const english = path.join(shared, 'upstream', 'en-glossary.md');
  const spanish = path.join(shared, 'seeds', '000_b68843c2475025f3.txt');

  before(function () {
    if (!fs.existsSync(english) || !fs.existsSync(spanish)) {
      console.log(`      skipped: ${shared} does not hold the upstream glossaries`);
      this.skip();
    }
  });

  it('renders every entry inert, with its references, code blocks and callouts', () => {
    const { termMap } = compileGlossaries([
      { file: 'en-glossary.md', content: fs.readFileSync(english) },
      { file: 'es-glossary.md', content: fs.readFileSync(spanish) },
    ]);
    const known = new Set(termMap.terms.map((t) => t.id));
    const linkTarget = (href: string) => {
      const target = classifyHref(href);
      return target.kind === 'term' && !known.has(target.termId ?? '') ? { kind: 'unsafe' as const, href: '' } : target;
    };
    let entries = 0;
    let callouts = 0;
    let codeBlocks = 0;
    for (const term of termMap.terms) {
      for (const [locale, entry] of Object.entries(term.entries)) {
        entries++;
        const html = renderEntryHtml(entry.markdown, { linkTarget });
        assertInert(html);
        assert.notEqual(html.trim(), '', `${term.id} (${locale}) renders to something`);
        for (const link of entry.links) {
          if (link.kind === 'term' && known.has(link.termId)) {
            assert.ok(html.includes(`data-term="${link.termId}"`), `${term.id} (${locale}) links to ${link.termId}`);
          }
        }
        const boldQuotes = (entry.markdown.match(/^> \*\*[^*]+\*\*/gm) ?? []).length;
        const renderedCallouts = (html.match(/<blockquote class="callout">/g) ?? []).length;
        assert.equal(renderedCallouts, boldQuotes, `${term.id} (${locale}) shows each <Tip> as a callout`);
        callouts += renderedCallouts;
        codeBlocks += (html.match(/<pre><code class="language-python">/g) ?? []).length;
      }
    }
    assert.ok(entries >= 100, `both glossaries have about 51 entries each (got ${entries})`);
    assert.ok(callouts >= 2, `the <Tip> blocks of both glossaries become callouts (got ${callouts})`);
    assert.ok(codeBlocks >= 10, `the Python examples keep their language (got ${codeBlocks})`);
  });
});
