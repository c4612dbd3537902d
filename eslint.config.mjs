// Flat ESLint configuration. Every source file is linted: type-aware rules run on every TypeScript file (each one is
// typed by the tsconfig.json of its part: host, webview page, tests, scripts), and the JavaScript scripts and configs
// get the recommended JavaScript rules with Node's globals. The import restrictions keep the pure layers (compiler,
// matcher) free of the VS Code API so that they stay testable in plain Node, and keep host code out of the webview page.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noVscode = {
  name: 'vscode',
  message: 'The compiler and the matcher are pure: only the feature adapters may import vscode.',
};
const markdownLibraries = ['unified', 'remark-*', 'rehype-*', 'mdast-*', 'hast-*', 'unist-*'];

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
  {
    // Markdown libraries belong to the compiler (which also renders entries to sanitized HTML).
    files: ['src/**/*.ts'],
    ignores: ['src/glossary/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: markdownLibraries, message: 'Markdown libraries stay inside src/glossary/.' }] }],
    },
  },
  {
    files: ['src/glossary/**/*.ts', 'src/matching/**/*.ts', 'src/cli.ts', 'src/cli/**/*.ts', 'test/unit/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noVscode], patterns: [{ group: ['vscode'], message: noVscode.message }] }],
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
          patterns: [{ group: ['../*', 'vscode'], allowTypeImports: true, message: 'The webview page imports only types from the host.' }],
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
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
