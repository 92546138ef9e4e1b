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

// The page polls every ~3 s: an arrival is waited for a little longer than one round.
const ARRIVAL_MS = 8_000;

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
    const message = page.locator('#log article.msg-bot', { hasText: 'Arvosana Kiitettävä 5' });
    await message.waitFor({ timeout: ARRIVAL_MS });
    const label = inboxLabels().first();
    expect(await label.innerText()).toContain('Osaava lähetti');
    expect(await label.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await page.locator('#empty-state').isVisible()).toBe(false);
  });

  it('delivers a check-in to the selected user only, once, and its form can be sent', async () => {
    await open();
    expect(await page.getByRole('radio', { name: /Aino Virtanen/ }).isChecked()).toBe(true);
    await send('u-aino', [checkinFormReply]);
    await send('u-mikko', [grade5Reply]);

    const form = page.getByRole('form', { name: /Päivän reflektio/ });
    await form.waitFor({ timeout: ARRIVAL_MS });
    expect(await page.locator('#log').innerText()).not.toContain('Arvosana Kiitettävä 5');

    // Further polls read on from what was shown: still one label, one form.
    const readsSoFar = inboxReads.length;
    await expect.poll(() => inboxReads.length, { timeout: ARRIVAL_MS }).toBeGreaterThan(readsSoFar);
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
    await userCard('Mikko Laine').click();
    await page.locator('#log article.msg-bot', { hasText: 'Arvosana Kiitettävä 5' }).waitFor({ timeout: 2_000 });
    expect(await page.locator('#log').innerText()).not.toContain('Päivän reflektio');
    expect(await inboxLabels().count()).toBe(1);

    // Back to Aino: her conversation is as it was, nothing is shown twice.
    await userCard('Aino Virtanen').click();
    await expect.poll(() => inboxReads.at(-1)?.userId, { timeout: ARRIVAL_MS }).toBe('u-aino');
    expect(await inboxLabels().count()).toBe(1);
    expect(await page.locator('#log').innerText()).toContain('Kiitos, reflektio on tallennettu!');
  });

  it('backs off quietly while the inbox fails, and reads again when the user is switched', async () => {
    inboxFails = true;
    await open();
    await expect.poll(() => inboxReads.length).toBeGreaterThan(0);
    // Every 3 s would be three reads in 7 s; after a failure the page waits longer.
    await page.waitForTimeout(7_000);
    expect(inboxReads.length).toBeLessThanOrEqual(2);
    expect(await page.locator('#log .msg-error').count()).toBe(0);

    inboxFails = false;
    await send('u-mikko', [grade5Reply]);
    await userCard('Mikko Laine').click();
    await page.locator('#log article.msg-bot', { hasText: 'Arvosana Kiitettävä 5' }).waitFor({ timeout: 2_000 });
  });
});
