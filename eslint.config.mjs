// Flat ESLint configuration. Type-aware rules run on every TypeScript file; the import restrictions keep the
// pure layers (compiler, matcher) free of the VS Code API so that they stay testable in plain Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  name: 'vscode',
  message: 'The compiler and the matcher are pure: only the feature adapters may import vscode.',
};
const markdownLibraries = ['unified', 'remark-*', 'rehype-*', 'mdast-*', 'hast-*', 'unist-*'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'media/**/*.js', '**/*.mjs', '**/*.js'] },
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
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
