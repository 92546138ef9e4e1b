// The local chat page in Swedish: a Swedish question typed in the page goes through the real core, and
// what the page adds around a Swedish reply or form (sources, suggestions, form texts, the inbox label)
// speaks Swedish, with numbers written the Finland-Swedish way.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FormReply, Reply } from '../../../src/conversation/reply.ts';
import type { LocalChatDeps } from '../../../src/adapters/local/local-chat-router.ts';
import { createLocalInbox } from '../../../src/adapters/local/local-inbox.ts';
import { launchBrowser } from '../../support/browser.ts';
import { createTestCore, type TestCore } from '../../support/core.ts';
import { checkinRequirementGroups, startLocalChat } from './local-chat-fixtures.ts';
import type { RunningChat } from './local-chat-fixtures.ts';

type FormInput = Parameters<LocalChatDeps['submit']>[0];

// The page polls its inbox every ~3 s: an arrival is waited for a little longer than one round.
const ARRIVAL_MS = 8_000;

/** A Swedish check-in (the demo students' own check-ins are Finnish): every field type's chrome shows. */
const swedishCheckin: FormReply = {
  kind: 'form',
  lang: 'sv',
  formKind: 'checkin',
  formId: 'checkin-aino-sv',
  title: 'Dagens reflektion 23.11.2026',
  intro: [{ type: 'paragraph', text: 'Vad lärde du dig i dag om kunder eller om att sköta kundrelationer?' }],
  fields: [
    { type: 'text', id: 'text', label: 'Vad gjorde du i dag?', multiline: true, maxLength: 1000, optional: false },
    { type: 'multi-select', id: 'requirements', label: 'Vilka yrkeskunnighetskrav berörde ditt arbete?', groups: checkinRequirementGroups, initial: [], optional: false },
    { type: 'rating', id: 'confidence', label: 'Hur säker kände du dig?', min: 1, max: 5, minLabel: 'osäker', maxLabel: 'säker', optional: true },
  ],
  submitLabel: 'Spara',
};

const swedishReminder: Reply = {
  kind: 'message',
  lang: 'sv',
  blocks: [{ type: 'paragraph', text: 'En påminnelse: dagens reflektion väntar fortfarande på ditt svar.' }],
  citations: [],
};

let core: TestCore;
const inbox = createLocalInbox();
let submitted: FormInput[] = [];

let chat: RunningChat;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  core = await createTestCore();
  chat = await startLocalChat({
    handle: async ({ userId, text }) => (text === 'reflektera i formulär' ? [swedishCheckin] : core.say(userId, text)),
    submit: async (input) => {
      submitted.push(input);
      return [];
    },
    listUsers: async () => [{ id: 'aino', name: 'Aino Virtanen', roles: ['student'] }],
    inbox,
  });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await chat?.close();
  await core?.close();
});

beforeEach(async () => {
  submitted = [];
  pageErrors = [];
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${chat.baseUrl}/`);
  await page.locator('.user-option').first().waitFor();
});

afterEach(async () => {
  await context?.close();
  expect(pageErrors).toEqual([]);
});

async function ask(text: string): Promise<void> {
  const input = page.getByLabel('Viesti / Message');
  await input.fill(text);
  await input.press('Enter');
}

const botMessages = () => page.locator('#log article.msg-bot:not(.msg-error)');

/** Finnish and Swedish number formatting separate thousands with a no-break space. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the local chat page in Swedish', { timeout: 30_000 }, () => {
  it('answers a Swedish question typed in the page with Swedish chrome around the cited answer', async () => {
    await ask('vad krävs för betyget 4');
    const answer = botMessages().first();
    await answer.waitFor();
    expect(await answer.getAttribute('lang')).toBe('sv');
    expect(await answer.getByRole('heading', { level: 3 }).innerText()).toContain('God 4');

    const summary = answer.locator('details.sources summary');
    expect(await summary.innerText()).toContain('Källor');
    expect(await summary.innerText()).not.toMatch(/Lähteet|Sources/);
    // A cite tag is named in Swedish and opens the sources at its citation.
    await answer.getByRole('link', { name: 'Källa AH-G4.1' }).first().click();
    expect(await answer.locator('details.sources').getAttribute('open')).toBe('');
    expect(await answer.locator('li.source').first().innerText()).toContain('AH-G4.1');
    // The suggested follow-ups are a group named in Swedish.
    const suggestions = answer.getByRole('group', { name: 'Förslag' });
    expect(await suggestions.getByRole('button').count()).toBeGreaterThan(0);
    expect(await answer.innerText()).not.toMatch(/Ehdotukset|Suggestions/);
  });

  it('offers Swedish starter questions beside the Finnish and English ones', async () => {
    const starters = page.getByRole('group', { name: 'På svenska' });
    expect(await starters.getAttribute('lang')).toBe('sv');
    expect(await starters.getByRole('button').allInnerTexts()).toEqual(['Vad krävs för vitsordet 4?', 'Hur visar jag mitt kunnande?', 'mina framsteg', 'hjälp']);
    expect(await page.getByRole('group', { name: 'Suomeksi' }).getByRole('button', { name: 'Mitä arvosanaan 4 vaaditaan?' }).isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'In English' }).getByRole('button', { name: 'What does grade 3 require?' }).isVisible()).toBe(true);

    await starters.getByRole('button', { name: 'Vad krävs för vitsordet 4?' }).click();
    const answer = botMessages().first();
    await answer.waitFor();
    expect(await page.locator('#log .msg-user').innerText()).toBe('Vad krävs för vitsordet 4?');
    expect(await answer.getAttribute('lang')).toBe('sv');
    expect(await answer.locator('details.sources summary').innerText()).toContain('Källor');
  });

  it('shows a Swedish form with Swedish marks, counters, messages and confirmation', async () => {
    await ask('reflektera i formulär');
    const form = page.getByRole('form', { name: 'Dagens reflektion 23.11.2026' });
    await form.waitFor();
    expect(await page.locator('#log article.msg-form').getAttribute('lang')).toBe('sv');
    expect(await form.locator('.form-note').innerText()).toBe('Fält som är märkta med en asterisk (*) är obligatoriska.');
    expect(await form.locator('.field-optional').allInnerTexts()).toEqual(['valfri']);
    expect(await form.locator('.group-count').first().innerText()).toBe('0/8 valda');

    // Required fields say so to screen readers; the text field tells its limit and counts as it is typed.
    const text = form.getByRole('textbox', { name: 'Vad gjorde du i dag? (obligatorisk)' });
    expect(plain(await form.locator('.field-text [id$="-hint"]').innerText())).toBe('Högst 1 000 tecken.');
    const counter = form.locator('.field-text .char-count');
    expect(plain(await counter.innerText())).toBe('0 / 1 000');
    await text.fill('a'.repeat(1001));
    expect(plain(await counter.innerText())).toBe('1 001 / 1 000');
    expect(plain(await form.locator('.field-text .field-error').innerText())).toBe('Texten är för lång: 1 001/1 000 tecken.');

    // Sent with a requirement missing: the form says what to fix, in Swedish.
    await text.fill('Jag ringde upp kunder och uppdaterade kunduppgifterna.');
    await form.getByRole('button', { name: 'Spara' }).click();
    expect(await form.getByRole('alert').innerText()).toContain('Kontrollera de markerade fälten.');
    const requirements = form.getByRole('group', { name: /Vilka yrkeskunnighetskrav berörde ditt arbete\?/ });
    expect(await requirements.locator('.field-error').last().innerText()).toBe('Välj minst ett alternativ.');

    await form.getByRole('checkbox', { name: 'Opiskelija kuuntelee asiakkaan toiveita.' }).check();
    await form.getByRole('button', { name: 'Spara' }).click();
    // No replies: the form gives its place to a Swedish note that it was sent.
    const notice = page.locator('#log .msg-divider');
    await notice.waitFor();
    expect(await notice.innerText()).toBe('Dagens reflektion 23.11.2026 · skickat');
    expect(await notice.getAttribute('lang')).toBe('sv');
    expect(submitted).toEqual([
      expect.objectContaining({ userId: 'aino', formKind: 'checkin', formId: 'checkin-aino-sv', lang: 'sv', values: { text: 'Jag ringde upp kunder och uppdaterade kunduppgifterna.', requirements: ['R02'] } }),
    ]);
  });

  it('labels what the scheduler sent in Swedish when the message is Swedish', async () => {
    const sent = await inbox.messenger.send({ platform: 'local', tenantId: '', userId: 'aino' }, [swedishReminder]);
    expect(sent.ok).toBe(true);
    await page.locator('#log article.msg-bot', { hasText: 'En påminnelse' }).waitFor({ timeout: ARRIVAL_MS });
    const label = page.locator('#log .msg-inbox').first();
    expect(await label.getAttribute('lang')).toBe('sv');
    expect(await label.innerText()).toMatch(/^Skickat av Osaava · \d{1,2}\.\d{1,2} kl\. \d\d\.\d\d$/);
    expect(await label.innerText()).not.toContain('Osaava lähetti');
  });
});
