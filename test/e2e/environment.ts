/**
 * What scripts/e2e/run-ui.mjs tells the UI specs about the code-server and Chromium it started (TG_UI_* environment
 * variables), and the user settings file they share: read by the workbench helper (./workbench.ts).
 */
import * as fs from 'node:fs';

/** What the runner tells the specs about the code-server and Chromium it started. */
export interface UiEnvironment {
  /** code-server's base URL, e.g. http://127.0.0.1:43210. */
  url: string;
  /** The copy of test/fixtures/workspace the workbench opens. */
  workspace: string;
  /** Chromium's Playwright endpoint. */
  browserEndpoint: string;
  /** Where screenshots go (test-results/screenshots). */
  screenshotDir: string;
  /** code-server's user settings file; tests may change settings by rewriting it. */
  userSettingsFile: string;
  /** The settings every spec starts from. */
  baseSettings: Record<string, unknown>;
}

export function environment(): UiEnvironment {
  const read = (name: string): string => {
    const value = process.env[name];
    if (!value) {
      throw new Error(`${name} is not set: run the UI tests with \`npm run test:ui\` (scripts/e2e/run-ui.mjs)`);
    }
    return value;
  };
  return {
    url: read('TG_UI_URL'),
    workspace: read('TG_UI_WORKSPACE'),
    browserEndpoint: read('TG_UI_BROWSER_ENDPOINT'),
    screenshotDir: read('TG_UI_SCREENSHOTS'),
    userSettingsFile: read('TG_UI_USER_SETTINGS'),
    baseSettings: JSON.parse(read('TG_UI_BASE_SETTINGS')) as Record<string, unknown>,
  };
}

/** Writes the user settings file; returns what it wrote. */
export function writeUserSettings(env: UiEnvironment, settings: Record<string, unknown>): string {
  const text = JSON.stringify(settings, null, 2);
  fs.writeFileSync(env.userSettingsFile, text);
  return text;
}
