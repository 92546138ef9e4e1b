import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Reply } from '../../../src/conversation/reply.ts';
import type { LocalChatDeps } from '../../../src/adapters/local/local-chat-router.ts';
import { launchBrowser } from '../../support/browser.ts';
import { checkinFormReply, fixtureSubmit, startLocalChat } from './local-chat-fixtures.ts';
import type { RunningChat } from './local-chat-fixtures.ts';

type FormInput = Parameters<LocalChatDeps['submit']>[0];

// Every submission the page makes reaches this recorder; answers containing "slow" wait for the test.
let calls: FormInput[] = [];
let releaseSlow: (() => void) | undefined;
async function submit(input: FormInput): Promise<Reply[]> {
  calls.push(input);
  if (JSON.stringify(input.values).includes('slow')) {
    await new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
  }
  return fixtureSubmit(input);
}

let chat: RunningChat;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  chat = await startLocalChat({ submit });
  browser = await launchBrowser();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await chat?.close();
});

async function open(viewport = { width: 1280, height: 900 }): Promise<void> {
  context = await browser.newContext({ viewport });
  context.setDefaultTimeout(5_000);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${chat.baseUrl}/`);
  await page.locator('.user-option').first().waitFor();
}

beforeEach(async () => {
  calls = [];
  releaseSlow = undefined;
  pageErrors = [];
  await open();
});

afterEach(async () => {
  await context.close();
  expect(pageErrors).toEqual([]);
});

async function ask(text: string): Promise<void> {
  const input = page.getByLabel('Viesti / Message');
  await input.fill(text);
  await input.press('Enter');
}

/** Asks for the check-in and returns its form. */
async function openCheckin() {
  await ask('reflect');
  const form = page.getByRole('form', { name: /Päivän reflektio/ });
  await form.waitFor();
  return form;
}

/** Finnish number formatting separates thousands with a no-break space. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const learnedText = 'Opin kirjaamaan havainnot heti käynnin jälkeen.';

/** Ticks two requirements (one in a folded group), picks confidence 4 and writes what was learned. */
async function fillCheckin(form: ReturnType<Page['getByRole']>, learned = learnedText): Promise<void> {
  await form.getByRole('checkbox', { name: 'Opiskelija kuuntelee asiakkaan toiveita.' }).check();
  await form.locator('summary', { hasText: 'Työturvallisuus ja ammatillisuus' }).click();
  await form.getByRole('checkbox', { name: 'Opiskelija noudattaa vaitiolovelvollisuutta.' }).check();
  await form.locator('label.rating-option', { hasText: '4' }).click();
  await form.getByLabel('Mitä opit tänään?').fill(learned);
}

describe('forms in the local chat page', { timeout: 20_000 }, () => {
  it('renders the check-in as an accessible form in the bot\'s bubble', async () => {
    const form = await openCheckin();
    const message = page.locator('#log article.msg-form');
    expect(await message.getAttribute('lang')).toBe('fi');
    expect(await form.getByRole('heading', { level: 3 }).innerText()).toBe('Päivän reflektio · ke 12.3.');
    expect(await form.locator('.form-intro strong').innerText()).toBe('ammattitaitovaatimukset');
    expect(await form.locator('.form-intro .block-context').innerText()).toContain('työpaikkaohjaajallesi');

    const requirements = form.getByRole('group', { name: /Mitä vaatimuksia harjoittelit\?/ });
    expect(await requirements.locator('input[type="checkbox"]').count()).toBe(25);
    // Folded groups keep their checkboxes out of the way (and out of the accessibility tree) until opened.
    expect(await requirements.getByRole('checkbox').count()).toBe(8);
    const groups = requirements.locator('details.option-group');
    expect(await groups.count()).toBe(3);
    expect(await groups.locator('summary').allInnerTexts()).toEqual([
      expect.stringContaining('Asiakkaan kohtaaminen'),
      expect.stringContaining('Hoitotyön toteuttaminen'),
      expect.stringContaining('Työturvallisuus ja ammatillisuus'),
    ]);
    // The first group is open to show what the form holds; the others wait folded.
    expect(await Promise.all([0, 1, 2].map((i) => groups.nth(i).getAttribute('open')))).toEqual(['', null, null]);
    expect(await requirements.getByRole('group', { name: 'Asiakkaan kohtaaminen' }).getByRole('checkbox').count()).toBe(8);
    expect(await groups.first().locator('.group-count').innerText()).toBe('0/8 valittu');

    const rating = form.getByRole('group', { name: /Kuinka varmaksi tunsit itsesi\?/ });
    expect(await rating.getByRole('radio').count()).toBe(5);
    expect(await rating.getByRole('radio', { name: '1 – Epävarma' }).count()).toBe(1);
    expect(await rating.getByRole('radio', { name: '5 – Varma' }).count()).toBe(1);
    expect(await rating.innerText()).toMatch(/Epävarma[\s\S]*Varma/);

    const learned = form.getByRole('textbox', { name: /Mitä opit tänään\?/ });
    expect(await learned.evaluate((node) => node.tagName)).toBe('TEXTAREA');
    expect(await learned.getAttribute('placeholder')).toBe('Esimerkiksi tilanne, joka onnistui tai mietitytti');
    expect(await learned.getAttribute('required')).toBe('');
    const question = form.getByRole('textbox', { name: /Kysymys ohjaajalle/ });
    expect(await question.evaluate((node) => node.tagName)).toBe('INPUT');
    expect(await question.getAttribute('required')).toBeNull();

    // Required and optional are both visible and both told to screen readers.
    expect(await form.locator('.field-required').count()).toBe(3);
    expect(await form.locator('.field-optional').allInnerTexts()).toEqual(['valinnainen']);
    expect(await form.getByRole('button', { name: 'Tallenna reflektio' }).isEnabled()).toBe(true);

    // The counter follows what is typed against the field's own limit.
    const counter = form.locator('.field-text').first().locator('.char-count');
    expect(plain(await counter.innerText())).toBe('0 / 1 000');
    await learned.fill('Hyvä päivä');
    expect(plain(await counter.innerText())).toBe('10 / 1 000');
    await learned.fill('a'.repeat(1001));
    expect(await counter.getAttribute('class')).toContain('over');
    expect(plain(await form.locator('.field-text .field-error').first().innerText())).toBe('Teksti on liian pitkä: 1 001/1 000 merkkiä.');
  });

  it('submits the picked values and replaces the form with the confirmation', async () => {
    const form = await openCheckin();
    await fillCheckin(form);
    const folded = form.locator('details.option-group').nth(2);
    expect(await folded.locator('.group-count').innerText()).toBe('1/8 valittu');
    expect(await form.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Tallenna reflektio' }).click();

    const confirmation = page.locator('#log article.msg-bot', { hasText: 'Kiitos, reflektio on tallennettu!' });
    await confirmation.waitFor();
    expect(calls).toEqual([
      {
        userId: 'u-aino',
        formKind: 'checkin',
        formId: checkinFormReply.formId,
        lang: 'fi',
        values: { requirements: ['R02', 'R20'], confidence: 4, learned: learnedText },
      },
    ]);
    // Replaced in place: the form is gone and cannot be sent again.
    expect(await page.locator('#log form').count()).toBe(0);
    const articles = page.locator('#log article');
    expect(await articles.count()).toBe(2);
    expect(await articles.nth(1).innerText()).toContain('Ohjaajasi näkee sen huomenna aamulla.');
    expect(await page.evaluate("document.activeElement?.closest('article')?.textContent ?? ''")).toContain('Kiitos');

    // Switching users and back re-renders the log from its entries: the confirmation stays.
    await page.locator('label.user-option', { hasText: 'Mikko Laine' }).click();
    await page.locator('label.user-option', { hasText: 'Aino Virtanen' }).click();
    expect(await page.locator('#log form').count()).toBe(0);
    expect(await page.locator('#log').innerText()).toContain('Kiitos, reflektio on tallennettu!');
    expect(calls).toHaveLength(1);
  });

  it('shows a server error inline, keeps what was typed, and lets the form be sent again', async () => {
    const form = await openCheckin();
    await fillCheckin(form, 'Tämä kaatuu: boom');
    await form.getByRole('button', { name: 'Tallenna reflektio' }).click();
    const alert = form.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Something went wrong');
    expect(await alert.innerText()).toContain('Lomaketta ei voitu lähettää');
    expect(await form.getByLabel('Mitä opit tänään?').inputValue()).toBe('Tämä kaatuu: boom');
    expect(await form.getByRole('checkbox', { name: 'Opiskelija noudattaa vaitiolovelvollisuutta.' }).isChecked()).toBe(true);
    expect(await form.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
    expect(await form.getByRole('button', { name: 'Tallenna reflektio' }).isEnabled()).toBe(true);
    expect(await page.locator('#log .msg-error').count()).toBe(0);

    await form.getByLabel('Mitä opit tänään?').fill(learnedText);
    await form.getByRole('button', { name: 'Tallenna reflektio' }).click();
    await page.locator('#log article', { hasText: 'Kiitos, reflektio on tallennettu!' }).waitFor();
    expect(calls.map((call) => call.values.learned)).toEqual(['Tämä kaatuu: boom', learnedText]);
  });

  it('shows the API\'s 400 message inline', async () => {
    const form = await openCheckin();
    await page.route('**/api/form', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'text_too_long', message: '"values.learned" is too long: the limit is 4000 characters' } }),
      }),
    );
    await fillCheckin(form);
    await form.getByRole('button', { name: 'Tallenna reflektio' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('"values.learned" is too long');
    expect(await form.getByRole('button', { name: 'Tallenna reflektio' }).isEnabled()).toBe(true);
    expect(await page.evaluate("document.activeElement?.getAttribute('role')")).toBe('alert');
  });

  it('checks required fields before sending and points at the first one missing', async () => {
    const form = await openCheckin();
    await form.getByRole('button', { name: 'Tallenna reflektio' }).click();
    expect(await form.getByRole('alert').innerText()).toContain('Tarkista merkityt kohdat.');
    expect(await form.locator('.field-error:not(:empty)').allInnerTexts()).toEqual([
      'Valitse vähintään yksi.',
      'Valitse yksi vaihtoehto.',
      'Täytä tämä kohta.',
    ]);
    expect(await page.evaluate("document.activeElement?.getAttribute('type')")).toBe('checkbox');
    expect(await form.getByLabel('Mitä opit tänään?').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);

    // A fixed field loses its message at once; typing clears a text field's message.
    await form.getByRole('checkbox', { name: 'Opiskelija kuuntelee asiakkaan toiveita.' }).check();
    expect(await form.locator('.field-error:not(:empty)').count()).toBe(2);
    await form.getByLabel('Mitä opit tänään?').fill('Jotain');
    expect(await form.getByLabel('Mitä opit tänään?').getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('button', { name: 'Tallenna reflektio' }).click();
    expect(await form.locator('.field-error:not(:empty)').allInnerTexts()).toEqual(['Valitse yksi vaihtoehto.']);
    expect(await page.evaluate("document.activeElement?.getAttribute('type')")).toBe('radio');
    expect(calls).toEqual([]);
  });

  it('disables the form while it is being sent and sends it once however often it is clicked', async () => {
    const form = await openCheckin();
    await fillCheckin(form, 'slow day');
    const button = form.getByRole('button', { name: 'Tallenna reflektio' });
    await button.click();
    await expect.poll(() => form.getAttribute('aria-busy')).toBe('true');
    expect(await button.isDisabled()).toBe(true);
    expect(await form.getByLabel('Mitä opit tänään?').isDisabled()).toBe(true);
    expect(await form.getByRole('status').innerText()).toBe('Lähetetään…');
    // A submit event the button cannot produce (Enter in a field, a script) is refused too.
    await page.evaluate("document.querySelector('#log form').requestSubmit()");
    await expect.poll(() => releaseSlow !== undefined).toBe(true);
    releaseSlow?.();
    await page.locator('#log article', { hasText: 'Kiitos, reflektio on tallennettu!' }).waitFor();
    expect(calls).toHaveLength(1);
  });

  it('renders initial values, selects and the reply\'s language (the observation form)', async () => {
    await ask('observe');
    const form = page.getByRole('form', { name: 'Observation about a student' });
    await form.waitFor();
    expect(await page.locator('#log article.msg-form').getAttribute('lang')).toBe('en');
    expect(await form.locator('.form-intro em').innerText()).toBe('requirements');
    // Few options: the groups are shown open as plain fieldsets.
    expect(await form.locator('details').count()).toBe(0);
    expect(await form.getByRole('group', { name: /Care work/ }).getByRole('checkbox').count()).toBe(2);
    expect(await form.getByRole('checkbox', { name: "Supports the client's independence" }).isChecked()).toBe(true);
    expect(await form.getByRole('combobox', { name: /Student/ }).inputValue()).toBe('u-aino');
    expect(await form.getByRole('textbox', { name: /What did you see\?/ }).inputValue()).toBe('Aino helped the client to dress on her own.');
    expect(await form.locator('.field-optional').allInnerTexts()).toEqual(['optional']);
    expect(await form.locator('.char-count').innerText()).toBe('43 / 2,000');

    await form.getByRole('checkbox', { name: 'Takes care of asepsis' }).check();
    await form.getByRole('combobox', { name: /Level shown/ }).selectOption('4');
    await form.getByRole('button', { name: 'Save observation' }).click();
    await page.locator('#log article', { hasText: 'Observation saved for' }).waitFor();
    expect(calls).toEqual([
      {
        userId: 'u-aino',
        formKind: 'observation',
        formId: 'obs-draft-7',
        lang: 'en',
        values: { student: 'u-aino', requirements: ['R03', 'R11'], text: 'Aino helped the client to dress on her own.', level: '4' },
      },
    ]);
  });

  it('shows markup in forms as text and runs none of it', async () => {
    await ask('hostile form');
    const message = page.locator('#log article.msg-form');
    await message.waitFor();
    expect(await message.getByRole('heading').innerText()).toBe('<img src=x onerror="window.__pwned=4"> otsikko');
    expect(await message.locator('.form-title strong').innerText()).toBe('otsikko');
    expect(await message.locator('img, script, iframe, b, i, u, x').count()).toBe(0);
    expect(await message.innerText()).toContain('<script>window.__pwned=5</script>');
    expect(await message.getByRole('checkbox', { name: '<img src=x onerror="window.__pwned=6">' }).count()).toBe(1);
    expect(await message.getByRole('textbox').inputValue()).toBe('</textarea><script>window.__pwned=7</script>');
    expect(await message.getByRole('button', { name: '<b>Lähetä</b>' }).count()).toBe(1);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
  });

  it('looks right on a desktop and on a 390 px phone (screenshots for review)', async () => {
    // Tall viewports so the whole form is in one picture; the phone is also shot at its real height.
    const shots: Array<[string, { width: number; height: number }]> = [
      ['/tmp/local-chat-form.png', { width: 1280, height: 1480 }],
      ['/tmp/local-chat-form-390.png', { width: 390, height: 844 }],
      ['/tmp/local-chat-form-390-tall.png', { width: 390, height: 2300 }],
    ];
    for (const [path, viewport] of shots) {
      await context.close();
      await open(viewport);
      const form = await openCheckin();
      await form.getByRole('checkbox', { name: 'Opiskelija kuuntelee asiakkaan toiveita.' }).check();
      await form.getByRole('checkbox', { name: 'Opiskelija tunnistaa asiakkaan voimavarat.' }).check();
      await form.locator('label.rating-option', { hasText: '4' }).click();
      await form.getByLabel('Kysymys ohjaajalle').fill('Saako asiakkaan omaisille kertoa voinnista?');
      await form.getByRole('button', { name: 'Tallenna reflektio' }).click();
      await form.getByLabel('Mitä opit tänään?').focus();
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      await page.locator('#log-scroller').evaluate((node) => node.scrollTo({ top: 0, behavior: 'instant' }));
      await page.mouse.move(0, 0);
      await page.screenshot({ path });
    }
  });
});
