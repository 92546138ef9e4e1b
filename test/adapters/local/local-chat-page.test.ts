import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Reply } from '../../../src/conversation/reply.ts';
import { MAX_TEXT_LENGTH } from '../../../src/adapters/local/schemas.ts';
import { launchBrowser } from '../../support/browser.ts';
import { fixtureHandle, startLocalChat } from './local-chat-fixtures.ts';
import type { RunningChat } from './local-chat-fixtures.ts';

// A handle whose "slow" questions wait until the test lets them go, to observe the sending state.
let releaseSlow: (() => void) | undefined;
async function handle(input: { userId: string; text: string }): Promise<Reply[]> {
  if (input.text.includes('slow')) {
    await new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
  }
  return fixtureHandle(input);
}

let chat: RunningChat;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  chat = await startLocalChat({ handle, notice: 'Demo: kotihoidon harjoittelijat' });
  browser = await launchBrowser();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await chat?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(5_000);
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${chat.baseUrl}/`);
  await page.locator('.user-option').first().waitFor();
});

afterEach(async () => {
  await context.close();
  expect(pageErrors).toEqual([]);
});

const input = () => page.getByLabel('Viesti / Message');
const botMessages = () => page.locator('#log article.msg-bot:not(.msg-error)');

async function ask(text: string): Promise<void> {
  await input().fill(text);
  await input().press('Enter');
}

const userCard = (name: string) => page.locator('label.user-option', { hasText: name });

describe('local chat page', { timeout: 20_000 }, () => {
  it('shows the development banner with the notice, the users and the starter questions', async () => {
    const banner = page.getByRole('note');
    await expect.poll(() => banner.innerText()).toContain('anyone can act as anyone');
    expect(await banner.innerText()).toContain('Demo: kotihoidon harjoittelijat');
    expect(await page.getByRole('radio').count()).toBe(3);
    expect(await page.getByRole('radio', { name: /Aino Virtanen/ }).isChecked()).toBe(true);
    expect(await page.locator('.user-option').nth(1).innerText()).toContain('Työpaikkaohjaaja');
    expect(await page.getByRole('button', { name: 'Mitä arvosanaan 4 vaaditaan?' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'What does grade 3 require?' }).isVisible()).toBe(true);
    expect(await page.evaluate('document.activeElement?.id')).toBe('composer-input');
  });

  it('sends on Enter and renders the answer: heading, formatting, cite tags, actions and sources', async () => {
    await ask('Mitä arvosanaan 4 vaaditaan?');
    const answer = botMessages().first();
    await answer.waitFor();
    expect(await page.locator('#log .msg-user').innerText()).toBe('Mitä arvosanaan 4 vaaditaan?');
    expect(await input().inputValue()).toBe('');
    expect(await answer.getAttribute('lang')).toBe('fi');
    expect(await answer.getByRole('heading', { level: 3 }).innerText()).toBe('Arvosana Hyvä 4');
    expect(await answer.locator('strong').innerText()).toBe('itsenäistä');
    expect(await answer.locator('em').innerText()).toBe('rakentavaa');
    const items = answer.locator('.block-list li');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).innerText()).toContain('[AH-V4]');
    expect(await items.nth(1).locator('.cite').innerText()).toBe('[AH-V4-VUO]');
    expect(await answer.locator('blockquote').innerText()).toContain('toteuttaa työtehtävänsä');
    expect(await answer.locator('.block-context').innerText()).toContain('Lähde:');

    const sources = answer.locator('details.sources');
    expect(await sources.locator('summary').innerText()).toContain('Lähteet / Sources');
    expect(await sources.getAttribute('open')).toBeNull();
    await items.nth(1).locator('a.cite').click();
    expect(await sources.getAttribute('open')).toBe('');
    const listed = sources.locator('li.source');
    expect(await listed.count()).toBe(2);
    expect(await listed.nth(0).innerText()).toContain('Hyvä 4: työprosessin hallinta');
    expect(await listed.nth(0).innerText()).toContain('Yleiset arviointikriteerit › Hyvä 4');
    await page.screenshot({ path: '/tmp/local-chat.png' });
  });

  it('sends the text of a suggested action when it is clicked', async () => {
    await ask('Mitä arvosanaan 4 vaaditaan?');
    await botMessages().first().waitFor();
    await page.getByRole('button', { name: 'Entä arvosana 5?' }).click();
    await botMessages().nth(1).waitFor();
    expect(await page.locator('#log .msg-user').nth(1).innerText()).toBe('Mitä arvosanaan 5 vaaditaan?');
    expect(await botMessages().nth(1).getByRole('heading').innerText()).toBe('Arvosana Kiitettävä 5');
  });

  it('renders an English answer with Finnish quotes, translations and lang attributes', async () => {
    await page.getByRole('button', { name: 'What does grade 3 require?' }).click();
    const answer = botMessages().first();
    await answer.waitFor();
    expect(await answer.getAttribute('lang')).toBe('en');
    const item = answer.locator('.block-list li').first();
    expect(await item.locator('.item-text').getAttribute('lang')).toBe('fi');
    const translation = item.locator('.translation');
    expect(await translation.innerText()).toBe('The student carries out their work tasks independently.');
    expect(await page.evaluate("getComputedStyle(document.querySelector('#log .translation')).fontStyle")).toBe('italic');
    expect(await answer.locator('figure .translation').innerText()).toBe('The student acts interactively.');
    expect(await answer.locator('figure figcaption .cite').innerText()).toBe('[AH-V3]');
  });

  it('shows the server\'s 400 message inline and gives the text back for editing', async () => {
    const tooLong = 'a'.repeat(MAX_TEXT_LENGTH + 1);
    await input().fill(tooLong);
    expect(await page.locator('#composer-count').innerText()).toContain('too long');
    await input().press('Enter');
    const error = page.locator('#log .msg-error');
    await error.waitFor();
    expect(await error.innerText()).toContain(`the limit is ${MAX_TEXT_LENGTH} characters`);
    expect(await error.getByRole('button', { name: /Retry/ }).count()).toBe(0);
    expect(await input().inputValue()).toBe(tooLong);
  });

  it('shows a network failure inline and retries it', async () => {
    await page.route('**/api/chat', (route) => route.abort('connectionrefused'));
    await ask('Mitä arvosanaan 4 vaaditaan?');
    const error = page.locator('#log .msg-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('Could not reach the server');
    await page.unroute('**/api/chat');
    await error.getByRole('button', { name: /Retry/ }).click();
    await botMessages().first().waitFor();
    expect(await botMessages().first().getByRole('heading').innerText()).toBe('Arvosana Hyvä 4');
  });

  it('shows a server failure (500) inline', async () => {
    await ask('boom');
    const error = page.locator('#log .msg-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('Something went wrong');
  });

  it('shows that a message is being sent until the answer arrives', async () => {
    await ask('slow question');
    const status = page.locator('#sending-status');
    await expect.poll(() => status.innerText()).toContain('Sending');
    expect(await page.locator('#typing').isVisible()).toBe(true);
    expect(await page.locator('#send-button').isDisabled()).toBe(true);
    await expect.poll(() => releaseSlow !== undefined).toBe(true);
    releaseSlow?.();
    await botMessages().first().waitFor();
    expect(await status.innerText()).toBe('');
    expect(await page.locator('#typing').isVisible()).toBe(false);
  });

  it('keeps a separate conversation per user and remembers the chosen user', async () => {
    await ask('Mitä arvosanaan 4 vaaditaan?');
    await botMessages().first().waitFor();
    await userCard('Mikko Laine').click();
    expect(await page.getByRole('radio', { name: /Mikko Laine/ }).isChecked()).toBe(true);
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('composer-input');
    expect(await page.locator('#chat-subtitle').innerText()).toContain('Mikko Laine');
    expect(await page.locator('#log article').count()).toBe(0);
    expect(await page.locator('#empty-state').isVisible()).toBe(true);
    await userCard('Aino Virtanen').click();
    expect(await botMessages().count()).toBe(1);
    await userCard('Mikko Laine').click();
    await page.reload();
    await page.locator('.user-option').first().waitFor();
    expect(await page.getByRole('radio', { name: /Mikko Laine/ }).isChecked()).toBe(true);
  });

  it('lets the keyboard move through the users without leaving the radio group', async () => {
    await page.getByRole('radio', { name: /Aino Virtanen/ }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: /Mikko Laine/ }).isChecked()).toBe(true);
    expect(await page.evaluate("document.activeElement?.getAttribute('value')")).toBe('u-mikko');
    expect(await page.locator('#chat-subtitle').innerText()).toContain('Mikko Laine');
  });

  it('shows markup in answers as text and runs none of it', async () => {
    await ask('hostile');
    const answer = botMessages().first();
    await answer.waitFor();
    expect(await answer.getByRole('heading').innerText()).toBe('<img src=x onerror="window.__pwned=1">');
    expect(await answer.locator('img, script, svg:not(.avatar-bot svg), iframe, b, i').count()).toBe(0);
    expect(await answer.locator('strong').innerText()).toBe('<b>lihava</b>');
    expect(await answer.innerText()).toContain('snake_case_name');
    await answer.locator('summary').click();
    expect(await answer.locator('li.source').innerText()).toContain('<iframe src="javascript:alert(1)"></iframe>');
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
  });
});
