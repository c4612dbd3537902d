/**
 * Every id the extension contributes to VS Code, defined once. `package.json` must agree with this module;
 * test/unit/manifest.test.ts checks that it does.
 */

export const EXTENSION_ID = 'transformers-glossary.transformers-glossary';

export const Commands = {} as const;

export const Views = {} as const;

/** Setting keys relative to the `transformersGlossary` section. */
export const SETTINGS_SECTION = 'transformersGlossary';
export const Settings = {} as const;
