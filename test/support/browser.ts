import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); playwright-core ships no browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

// No network beyond loopback here: keep Chromium from phoning home or waiting on QUIC.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium for page tests. Each launch gets a fresh temporary profile: playwright's
 * `launch()` creates its own `--user-data-dir` in the temp folder and deletes it on `close()` (it refuses
 * the flag in `args`). Close the browser in `afterAll`.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with 'apt-get update && apt-get install -y chromium'`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}
