/** The glossary sources we ship, as the build compiles them: glossary/*.md except the folder's README. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

export const BUNDLED_FILES: readonly string[] = fs
  .readdirSync(path.join(repoRoot(), 'glossary'))
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .sort()
  .map((name) => `glossary/${name}`);
