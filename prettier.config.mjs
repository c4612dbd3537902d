// Prettier formats the code so that reviews never discuss layout. The options below describe the style the code was
// already written in, so that the one-time pass over the tree changes as little as possible. `npm run format` writes,
// `npm run format:check` (and the `format` tier of `npm test`) only checks. .prettierignore lists what is not ours to
// reflow (glossary content, test fixtures, generated files).

/** @type {import('prettier').Config} */
export default {
  // Long enough for a typical signature or a one-line guard clause, short enough for a side-by-side diff; most
  // lines were already under it, and comments are wrapped at it by hand.
  printWidth: 120,
  // Two spaces, never tabs, as everywhere in the code so far.
  tabWidth: 2,
  useTabs: false,
  // Statements end with a semicolon rather than relying on automatic semicolon insertion.
  semi: true,
  // 'single' quotes in code; JSON and the `"` inside a string still get double quotes.
  singleQuote: true,
  // Object keys are quoted only where some key needs it.
  quoteProps: 'as-needed',
  // A trailing comma after the last element of every multi-line list, so that adding one changes one line.
  trailingComma: 'all',
  // `{ a }`, not `{a}`.
  bracketSpacing: true,
  // `(x) => x`: the parentheses are already there when a second parameter or a type annotation is added.
  arrowParens: 'always',
  // Line feeds on every platform (Git may check out CRLF on Windows otherwise).
  endOfLine: 'lf',
  // Markdown prose keeps the line breaks its author chose; Prettier does not rewrap paragraphs.
  proseWrap: 'preserve',
  // Template literals are data, not code to reflow: the panel's `html` tagged templates build the exact page (its CSP
  // meta tag is compared byte for byte in the tests), and reformatting embedded HTML or CSS would change what ships.
  embeddedLanguageFormatting: 'off',
};
