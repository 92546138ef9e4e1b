import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Reply } from '../../../src/conversation/reply.ts';
import type { LocalChatDeps } from '../../../src/adapters/local/local-chat-router.ts';
import { createLocalInbox } from '../../../src/adapters/local/local-inbox.ts';
import type { InboxPage, LocalInbox } from '../../../src/adapters/local/local-inbox.ts';
import type { OutboundAddress } from '../../../src/messaging/messenger.ts';
import { launchBrowser } from '../../support/browser.ts';
import { checkinFormReply, fixtureSubmit, grade5Reply, startLocalChat } from './local-chat-fixtures.ts';
import type { RunningChat } from './local-chat-fixtures.ts';

type FormInput = Parameters<LocalChatDeps['submit']>[0];

// The page polls every 3 s, backing off after failures. Its clock is Playwright's, paused: the tests
// move it to each poll (`runFor`) instead of waiting polls out, and read back what the page did.
const POLL_MS = 3_000;
const PAGE_CLOCK_START = new Date('2026-11-02T08:00:00Z');

/**
 * Runs in the page before its own code (after the clock is installed): counts the inbox reads it
 * starts, and the waits it schedules (every timer over 0 ms is the inbox's next poll).
 */
const INBOX_PROBE = `(() => {
  const probe = { reads: 0, waits: [] };
  window.__inboxProbe = probe;
  const realFetch = window.fetch.bind(window);
  const realSetTimeout = window.setTimeout.bind(window);
  window.fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes('api/inbox')) probe.reads += 1;
    return realFetch(input, init);
  };
  window.setTimeout = (handler, ms, ...args) => {
    if (Number(ms) > 0) probe.waits.push(Number(ms));
    return realSetTimeout(handler, ms, ...args);
  };
})();`;

interface InboxProbe {
  reads: number;
  waits: number[];
}

/** Each test gets a fresh inbox; the router reads whichever is current, and can be told to fail. */
let inbox: LocalInbox;
let inboxFails = false;
let inboxReads: Array<{ userId: string; after: number }> = [];
const inboxDep: Pick<LocalInbox, 'read'> = {
  read(userId: string, after: number): InboxPage {
    inboxReads.push({ userId, after });
    if (inboxFails) throw new Error('inbox unavailable');
    return inbox.read(userId, after);
  },
};

let submitted: FormInput[] = [];
async function submit(input: FormInput): Promise<Reply[]> {
  submitted.push(input);
  return fixtureSubmit(input);
}

let chat: RunningChat;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  chat = await startLocalChat({ inbox: inboxDep, submit });
  browser = await launchBrowser();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await chat?.close();
});

async function open(): Promise<void> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(5_000);
  await context.clock.install({ time: PAGE_CLOCK_START });
  await context.clock.pauseAt(PAGE_CLOCK_START);
  await context.addInitScript(INBOX_PROBE);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${chat.baseUrl}/`);
  await page.locator('.user-option').first().waitFor();
}

beforeEach(() => {
  inbox = createLocalInbox();
  inboxFails = false;
  inboxReads = [];
  submitted = [];
  pageErrors = [];
});

afterEach(async () => {
  await context?.close();
  expect(pageErrors).toEqual([]);
});

const probeNow = () => page.evaluate('window.__inboxProbe') as Promise<InboxProbe>;

/** Waits until the page has started `reads` inbox reads and handled each (it then schedules the next poll). */
async function settled(reads: number): Promise<InboxProbe> {
  await expect.poll(async () => probeNow().then((p) => [p.reads, p.waits.length]), { timeout: 5_000 }).toEqual([reads, reads]);
  return probeNow();
}

/** Moves the page's clock by `ms` (firing its timers on the way) and waits for the read that starts. */
async function pollAfter(ms: number, reads: number): Promise<InboxProbe> {
  await page.clock.runFor(ms);
  return settled(reads);
}

const local = (userId: string): OutboundAddress => ({ platform: 'local', tenantId: '', userId });
const userCard = (name: string) => page.locator('label.user-option', { hasText: name });
const inboxLabels = () => page.locator('#log .msg-inbox');

async function send(userId: string, replies: Reply[]): Promise<void> {
  const result = await inbox.messenger.send(local(userId), replies);
  if (!result.ok) throw new Error(`send failed: ${result.reason}`);
}

describe('inbox in the local chat page', { timeout: 30_000 }, () => {
  it('shows messages sent before the page opened, labelled as sent by Osaava', async () => {
    await send('u-aino', [grade5Reply]);
    await open();
    await pollAfter(1, 1); // the first read, as the page opens
    const message = page.locator('#log article.msg-bot', { hasText: 'Arvosana Kiitettävä 5' });
    await message.waitFor();
    const label = inboxLabels().first();
    expect(await label.innerText()).toContain('Osaava lähetti');
    expect(await label.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await page.locator('#empty-state').isVisible()).toBe(false);
  });

  it('delivers a check-in to the selected user only, once, and its form can be sent', async () => {
    await open();
    expect(await page.getByRole('radio', { name: /Aino Virtanen/ }).isChecked()).toBe(true);
    expect((await pollAfter(1, 1)).waits).toEqual([POLL_MS]); // the first read: nothing yet
    await send('u-aino', [checkinFormReply]);
    await send('u-mikko', [grade5Reply]);

    await pollAfter(POLL_MS, 2);
    const form = page.getByRole('form', { name: /Päivän reflektio/ });
    await form.waitFor();
    expect(await page.locator('#log').innerText()).not.toContain('Arvosana Kiitettävä 5');

    // The next poll reads on from what was shown (and the page has handled it): still one label, one form.
    await pollAfter(POLL_MS, 3);
    expect(inboxReads.map((r) => r.userId)).toEqual(['u-aino', 'u-aino', 'u-aino']);
    expect(inboxReads[2]?.after).toBeGreaterThan(0);
    expect(await inboxLabels().count()).toBe(1);
    expect(await page.locator('#log form').count()).toBe(1);

    await form.getByRole('checkbox', { name: 'Opiskelija kuuntelee asiakkaan toiveita.' }).check();
    await form.locator('label.rating-option', { hasText: '4' }).click();
    await form.getByLabel('Mitä opit tänään?').fill('Asiakkaan kuuntelemista.');
    await form.getByRole('button', { name: 'Tallenna reflektio' }).click();
    await page.locator('#log article.msg-bot', { hasText: 'Kiitos, reflektio on tallennettu!' }).waitFor();
    expect(submitted).toEqual([
      {
        userId: 'u-aino',
        formKind: 'checkin',
        formId: checkinFormReply.formId,
        lang: 'fi',
        values: { requirements: ['R02'], confidence: 4, learned: 'Asiakkaan kuuntelemista.' },
      },
    ]);

    // Mikko's message waits for Mikko and shows as soon as he is selected; Aino's does not follow him.
    // Selecting a user reads at once (a 0 ms timer), not at the next 3 s poll.
    await userCard('Mikko Laine').click();
    await pollAfter(1, 4);
    await page.locator('#log article.msg-bot', { hasText: 'Arvosana Kiitettävä 5' }).waitFor();
    expect(await page.locator('#log').innerText()).not.toContain('Päivän reflektio');
    expect(await inboxLabels().count()).toBe(1);

    // Back to Aino: her conversation is as it was, nothing is shown twice.
    await userCard('Aino Virtanen').click();
    await pollAfter(1, 5);
    expect(inboxReads.at(-1)?.userId).toBe('u-aino');
    expect(await inboxLabels().count()).toBe(1);
    expect(await page.locator('#log').innerText()).toContain('Kiitos, reflektio on tallennettu!');
  });

  it('backs off quietly while the inbox fails, and reads again when the user is switched', async () => {
    inboxFails = true;
    await open();
    // After a failed read the page waits twice as long as usual, then twice that again.
    expect((await pollAfter(1, 1)).waits).toEqual([2 * POLL_MS]);
    await page.clock.runFor(2 * POLL_MS - 1);
    expect((await probeNow()).reads).toBe(1); // not yet: the next read is due at 6 s
    expect((await pollAfter(1, 2)).waits).toEqual([2 * POLL_MS, 4 * POLL_MS]);
    expect(inboxReads).toHaveLength(2);
    expect(await page.locator('#log .msg-error').count()).toBe(0);

    // Switching the user reads at once, without waiting out the back-off.
    inboxFails = false;
    await send('u-mikko', [grade5Reply]);
    await userCard('Mikko Laine').click();
    await page.clock.runFor(1);
    await page.locator('#log article.msg-bot', { hasText: 'Arvosana Kiitettävä 5' }).waitFor({ timeout: 2_000 });
    expect(inboxReads).toHaveLength(3);
  });
});
