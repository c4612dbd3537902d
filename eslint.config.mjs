// Flat ESLint configuration. Every source file is linted: type-aware rules run on every TypeScript file (each one is
// typed by the tsconfig.json of its part: host, webview page, tests, scripts), and the JavaScript scripts and configs
// get the recommended JavaScript rules with Node's globals. The import restrictions keep every pure module free of
// the VS Code API (so that it runs in plain Node and in any other face), the core folders behind their public entry,
// and host code out of the webview page.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noVscode = {
  name: 'vscode',
  message:
    'This module is pure: only the VS Code adapters (see `vscodeAdapters` in eslint.config.mjs) may import vscode.',
};
const markdownLibraries = ['unified', 'remark-*', 'rehype-*', 'mdast-*', 'hast-*', 'unist-*'];

/**
 * The files that may import `vscode`: the composition root, the settings reader, the service (but not the snapshot it
 * publishes, which is pure), the editor helpers and the user commands, and in each feature folder its registration (`index.ts`) and its providers (`*Panel.ts`,
 * `*Tree.ts`). Every other file under src/ is pure by this pattern, not by a comment, and runs in plain Node.
 */
const vscodeAdapters = [
  'src/extension.ts',
  'src/extensionWeb.ts',
  'src/activation.ts',
  'src/platform.ts',
  'src/config.ts',
  'src/service/glossaryService.ts',
  'src/service/customGlossaries.ts',
  'src/service/glossaryFiles.ts',
  'src/service/nodeFileSystem.ts',
  'src/language/**',
  'src/editor/**',
  'src/util/dispose.ts',
  'src/*/index.ts',
  'src/**/*Panel.ts',
  'src/**/*Tree.ts',
  'src/diagnostics/codeActions.ts',
];
/**
 * Never a VS Code adapter, whatever its files are named: the pure core, and the other faces (the command line and the
 * language server, which may import Node and vscode-languageserver but never `vscode`).
 */
const core = [
  'src/glossary/**',
  'src/matching/**',
  'src/terminology/**',
  'src/cli/**',
  'src/cli.ts',
  'src/lsp/**',
  'src/lsp.ts',
];

/** The restrictions of one group of files; flat config keeps only the last `no-restricted-imports` that matches a file. */
function restrictImports({ vscode, markdown }) {
  const patterns = [
    // A core folder is used through its public entry, so that its internals can move without touching its users.
    {
      group: ['**/glossary/*', '**/matching/*', '**/terminology/*'],
      message: 'Import the core folders through their index: `../glossary`, `../matching`, `../terminology`.',
    },
  ];
  if (vscode) patterns.push({ group: ['vscode'], message: noVscode.message });
  if (markdown) patterns.push({ group: markdownLibraries, message: 'Markdown libraries stay inside src/glossary/.' });
  return { 'no-restricted-imports': ['error', { paths: vscode ? [noVscode] : [], patterns }] };
}

export default tseslint.config(
  // media/panel.js is generated from src/panel/webview/ by scripts/build.mjs.
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'media/panel.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
    },
  },
  // Markdown libraries belong to the compiler (which also renders entries to sanitized HTML).
  { files: ['src/glossary/**/*.ts'], rules: restrictImports({ vscode: true, markdown: false }) },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/glossary/**', ...vscodeAdapters],
    rules: restrictImports({ vscode: true, markdown: true }),
  },
  { files: vscodeAdapters, ignores: core, rules: restrictImports({ vscode: false, markdown: true }) },
  { files: core, ignores: ['src/glossary/**'], rules: restrictImports({ vscode: true, markdown: true }) },
  {
    files: ['test/unit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noVscode], patterns: [{ group: ['vscode'], message: noVscode.message }] },
      ],
    },
  },
  {
    // The panel's page runs in the webview: it may import types from the host (the message protocol), never code,
    // which would drag host modules, and with them Node, into the browser bundle.
    files: ['src/panel/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            {
              group: ['../*', 'vscode'],
              allowTypeImports: true,
              message: 'The webview page imports only types from the host.',
            },
          ],
        },
      ],
    },
  },
  {
    // The build, test and e2e scripts, and the configuration files, are plain JavaScript modules run by Node.
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
    rules: {
      // These rules need type information or TypeScript syntax, which JavaScript files do not have.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // The launcher for the older code-server must load code-server's own CommonJS files with require() before it
    // starts them (see its header), so it is a CommonJS script.
    files: ['scripts/e2e/smoke-driver-launcher.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
