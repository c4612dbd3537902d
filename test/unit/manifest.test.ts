/**
 * The manifest and the code agree: every command, view and setting in package.json is defined in src/ids.ts and
 * the other way round, every command has a handler, the language setting offers the glossary locales of the core,
 * and every manifest string and every runtime string exists in every UI locale with the same placeholders, the same
 * code spans and the same technical names.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AUTO_LANGUAGE, GLOSSARY_LOCALES } from '../../src/glossary';
import { Commands, ENTRY_PANEL_VIEW_TYPE, SETTINGS_SECTION, Settings, Views, settingKey } from '../../src/ids';

/** The compiled test lives in out/test/unit; the repository root is three levels up. */
const root = path.resolve(__dirname, '../../..');

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    configuration: { title: string; properties: Record<string, { enum?: string[]; enumDescriptions?: string[] }> };
  };
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as T;
}

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts')) found.push(full);
  }
  return found.sort();
}

const manifest = readJson<Manifest>('package.json');
const manifestText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
const sources = sourceFiles(path.join(root, 'src')).map((file) => ({
  file: path.relative(root, file),
  text: fs.readFileSync(file, 'utf8'),
}));

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

describe('package.json and src/ids.ts', () => {
  it('contribute exactly the same commands', () => {
    assert.deepEqual(sorted(manifest.contributes.commands.map((c) => c.command)), sorted(Object.values(Commands)));
  });

  it('give every command a title and the Glossary category', () => {
    for (const command of manifest.contributes.commands) {
      assert.match(command.title, /^%.+%$/, `${command.command} has no localized title`);
      assert.equal(command.category, '%command.category%', `${command.command} has no category`);
    }
  });

  it('only name contributed commands in menus', () => {
    const known = new Set<string>(Object.values(Commands));
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) {
        assert.ok(known.has(item.command), `menu ${menu} names unknown command ${item.command}`);
      }
    }
  });

  it('contribute exactly the same views and view container', () => {
    const { container, ...views } = Views;
    assert.deepEqual(
      manifest.contributes.viewsContainers.activitybar.map((c) => c.id),
      [container],
    );
    assert.deepEqual(Object.keys(manifest.contributes.views), [container]);
    assert.deepEqual(sorted(manifest.contributes.views[container]!.map((v) => v.id)), sorted(Object.values(views)));
  });

  it('contribute exactly the same settings', () => {
    const properties = Object.keys(manifest.contributes.configuration.properties);
    assert.ok(properties.every((key) => key.startsWith(`${SETTINGS_SECTION}.`)));
    assert.deepEqual(sorted(properties), sorted(Object.values(Settings).map(settingKey)));
  });

  it('describe every value of every enum setting', () => {
    for (const [key, property] of Object.entries(manifest.contributes.configuration.properties)) {
      if (property.enum) {
        assert.equal(property.enumDescriptions?.length, property.enum.length, `${key} lacks enum descriptions`);
      }
    }
  });

  it('activate on the entry panel so that its serializer restores it after a reload', () => {
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${ENTRY_PANEL_VIEW_TYPE}`));
  });

  it('ship the view container icon', () => {
    for (const container of manifest.contributes.viewsContainers.activitybar) {
      assert.ok(fs.existsSync(path.join(root, container.icon)), `${container.icon} is missing`);
    }
  });
});

describe('command handlers', () => {
  const registered = new Set<string>();
  for (const { text } of sources) {
    for (const match of text.matchAll(/registerCommand\(\s*Commands\.(\w+)/g)) registered.add(match[1]!);
  }

  it('exist for every contributed command', () => {
    for (const [name, id] of Object.entries(Commands)) {
      assert.ok(registered.has(name), `no registerCommand(Commands.${name}, …) for ${id} in src/`);
    }
  });

  it('only exist for commands the manifest contributes', () => {
    for (const name of registered) {
      assert.ok(name in Commands, `src/ registers Commands.${name}, which src/ids.ts does not define`);
    }
  });

  it('are registered through the ids module, never by a string literal', () => {
    for (const { file, text } of sources) {
      assert.doesNotMatch(
        text,
        /registerCommand\(\s*['"`]transformersGlossary\./,
        `${file} registers a command by a literal id`,
      );
    }
  });
});

/**
 * The UI languages besides English, as VS Code names its display languages (`zh-cn` is Simplified Chinese). Each has
 * a `package.nls.<locale>.json` and an `l10n/bundle.l10n.<locale>.json`, and no other locale has either.
 */
const UI_LOCALES = ['es', 'ja', 'ko', 'zh-cn', 'ar'];

/** Names that stay as they are written in every language. */
const TECHNICAL_NAMES = [
  'Transformers',
  'Hugging Face',
  'Python',
  'Markdown',
  'VS Code',
  'huggingface.co',
  'doc-builder',
];

/** Bidirectional control characters: invisible, and able to reorder what is shown around them. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * Checks that `translated` keeps what must not be translated in `english`: the same `{n}` placeholders, the same code
 * spans (setting values and ids such as `auto` or `plaintext`), the technical names, and no bidi control character.
 */
function assertFaithful(english: string, translated: string, where: string): void {
  const placeholders = (text: string): string[] => sorted(new Set(text.match(/\{\d+\}/g) ?? []));
  const codeSpans = (text: string): string[] => sorted(text.match(/`[^`]+`/g) ?? []);
  assert.deepEqual(
    placeholders(translated),
    placeholders(english),
    `${where}: "${translated}" changes the placeholders of "${english}"`,
  );
  assert.deepEqual(
    codeSpans(translated),
    codeSpans(english),
    `${where}: "${translated}" changes the code spans of "${english}"`,
  );
  for (const name of TECHNICAL_NAMES) {
    if (english.includes(name)) {
      assert.ok(translated.includes(name), `${where}: "${translated}" does not keep the name ${name}`);
    }
  }
  assert.doesNotMatch(translated, BIDI_CONTROLS, `${where}: "${translated}" contains a bidi control character`);
}

describe('UI locales', () => {
  it('are exactly the ones listed here, for the manifest and the runtime strings', () => {
    const localesOf = (dir: string, pattern: RegExp): string[] =>
      sorted(fs.readdirSync(path.join(root, dir)).flatMap((name) => pattern.exec(name)?.slice(1, 2) ?? []));
    assert.deepEqual(localesOf('.', /^package\.nls\.(.+)\.json$/), sorted(UI_LOCALES));
    assert.deepEqual(localesOf('l10n', /^bundle\.l10n\.(.+)\.json$/), sorted(UI_LOCALES));
  });

  it('include every glossary locale, under the id VS Code gives its display language', () => {
    const displayLanguage: Record<string, string> = { 'zh-hans': 'zh-cn' };
    for (const locale of GLOSSARY_LOCALES.filter((l) => l !== 'en')) {
      assert.ok(UI_LOCALES.includes(displayLanguage[locale] ?? locale), `no UI in ${locale}`);
    }
  });
});

describe('the language setting', () => {
  const language = manifest.contributes.configuration.properties[settingKey(Settings.language)]!;

  it('offers automatic and exactly the glossary locales of the core, in its order', () => {
    assert.deepEqual(language.enum, [AUTO_LANGUAGE, ...GLOSSARY_LOCALES]);
  });

  it('describes each value with the string of that value', () => {
    assert.deepEqual(
      language.enumDescriptions,
      language.enum?.map((value) => `%config.language.${value}%`),
    );
  });
});

describe('manifest strings', () => {
  const used = new Set([...manifestText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!));
  const english = readJson<Record<string, string>>('package.nls.json');

  it('are all defined in English', () => {
    for (const key of used) assert.ok(english[key], `package.nls.json lacks ${key}`);
  });

  it('are all used', () => {
    for (const key of Object.keys(english)) {
      assert.ok(used.has(key), `package.nls.json defines ${key}, which package.json never uses`);
    }
  });

  for (const locale of UI_LOCALES) {
    describe(`in ${locale}`, () => {
      const file = `package.nls.${locale}.json`;
      const translated = readJson<Record<string, string>>(file);

      it('have exactly the keys of the English strings', () => {
        assert.deepEqual(sorted(Object.keys(translated)), sorted(Object.keys(english)));
      });

      it('are translated, not copied', () => {
        const same = Object.keys(english).filter((key) => english[key] === translated[key]);
        assert.deepEqual(same, [], `these strings of ${file} are identical to the English ones`);
      });

      it('keep placeholders, code spans and technical names', () => {
        for (const [key, text] of Object.entries(translated)) {
          assertFaithful(english[key] ?? '', text, `${file} ${key}`);
        }
      });
    });
  }
});

/** The value of a string literal without template substitutions: quotes removed, escapes decoded. */
function decodeLiteral(literal: string): string {
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r' };
  return literal.slice(1, -1).replace(/\\(.)/g, (_, char: string) => escapes[char] ?? char);
}

describe('runtime strings', () => {
  /** A string literal in any of the three quote styles, with escapes. */
  const literal = String.raw`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\x60(?:[^\x60\\$]|\\.)*\x60`;
  const call = new RegExp(String.raw`l10n\.t\(\s*(${literal})`, 'g');
  const strings = new Map<string, string>();
  const nonLiteral: string[] = [];
  for (const { file, text } of sources) {
    const literalCalls = [...text.matchAll(call)];
    for (const match of literalCalls) {
      strings.set(decodeLiteral(match[1]!), file);
    }
    const allCalls = text.match(/l10n\.t\(/g)?.length ?? 0;
    if (allCalls !== literalCalls.length) nonLiteral.push(file);
  }

  it('are found in the sources', () => {
    assert.ok(strings.size > 10, `only ${strings.size} vscode.l10n.t strings found: is the scan broken?`);
  });

  it('are string literals, so that they can be translated', () => {
    assert.deepEqual(nonLiteral, [], 'these files call vscode.l10n.t with something other than a string literal');
  });

  for (const locale of UI_LOCALES) {
    describe(`in ${locale}`, () => {
      const file = `l10n/bundle.l10n.${locale}.json`;
      const bundle = readJson<Record<string, string>>(file);

      it('all have a translation that keeps placeholders, code spans and technical names', () => {
        for (const [message, source] of strings) {
          const translation = bundle[message];
          assert.ok(translation, `${file} lacks "${message}" (from ${source})`);
          assertFaithful(message, translation, file);
        }
      });

      it('have no stale translation', () => {
        for (const message of Object.keys(bundle)) {
          assert.ok(strings.has(message), `${file} translates "${message}", which src/ no longer uses`);
        }
      });
    });
  }
});
