// Issue 13, "Must show": every Slack ack within 1 s (p99) while a 40,000-character message and an LLM
// answering in 6 s are in flight. The core is the real one on the demo database with the LLM path built as
// src/app.ts builds it (buildLanguageServices with LLM_ENABLED=on, OPENAI_API_KEY, OPENAI_BASE_URL at the
// OpenAI stand-in, which answers every request after 6 s).
// Shapes: the DMs are Slack's `message.im` events and the slash commands the form fields of
// docs.slack.dev/interactivity/implementing-slash-commands (fixtures.ts: dmEvent, slashCommand); the button
// click is a `block_actions` payload and the shortcut a `message_action` payload
// (docs.slack.dev/reference/interaction-payloads; fixtures.ts: blockActions, messageShortcut).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlowLlmCore, startSlowLlmCore } from '../../support/slow-llm-core.ts';
import { blockActions, dmEvent, messageShortcut, slashCommand, startSlackHarness, type SlackHarness } from './fixtures.ts';

const LLM_DELAY_MS = 6_000;
const AINO = { id: 'UDEMOAINO', email: 'aino.virtanen@opiskelija.example.fi', locale: 'fi-FI' };
const VILLE = { id: 'UDEMOVILLE', email: 'ville.makinen@opiskelija.example.fi', locale: 'fi-FI' };
const MIKKO = { id: 'UDEMOMIKKO', email: 'mikko.laine@kodintekniikka.example.fi', locale: 'fi-FI' };

let slow: SlowLlmCore | undefined;
let slack: SlackHarness | undefined;

beforeAll(async () => {
  slow = await startSlowLlmCore(LLM_DELAY_MS);
  slack = await startSlackHarness({ core: slow.core, users: [AINO, VILLE, MIKKO] });
}, 60_000);
afterAll(async () => {
  await slack?.close();
  await slow?.close();
});

const longText = (chars: number) => {
  const sentence = 'Tänään harjoittelin asiakaspalvelua ja kassajärjestelmää, ja opin paljon uutta reklamaatioista. ';
  return sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);
};

const percentile = (values: number[], p: number): number => {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

describe('acks while a 40,000-character DM and a 6 s LLM answer are in flight', () => {
  it('acknowledges every slash command, button and shortcut within 1 s (p99)', async () => {
    if (!slack || !slow) throw new Error('not started');
    const h = slack;
    const llm = slow.openai;
    const question = 'Mitä tarkoittaa asiakaslähtöinen palvelu?';
    const inFlight = [
      h.postEvent(dmEvent({ user: AINO.id, text: longText(40_000) })),
      h.postEvent(dmEvent({ user: VILLE.id, text: question, channel: 'DDEMOVILLE' })),
    ];
    // The LLM has been asked and will answer in 6 s.
    await expect.poll(() => llm.requests.length, { timeout: 5_000, interval: 20 }).toBeGreaterThan(0);
    const llmAskedAt = performance.now();

    const acks: { what: string; ms: number; status: number }[] = [];
    const send = async (what: string, request: Promise<{ status: number; ms: number }>) => {
      const res = await request;
      acks.push({ what, ms: res.ms, status: res.status });
    };
    for (let round = 0; round < 4; round += 1) {
      await Promise.all([
        send('slash apua', h.postForm(slashCommand({ user: AINO.id, text: 'apua', responseUrl: h.fake.responseUrl(`apua-${round}`) }))),
        send('slash question', h.postForm(slashCommand({ user: VILLE.id, text: question, responseUrl: h.fake.responseUrl(`q-${round}`) }))),
        send('suggest button', h.postInteraction(blockActions({ user: AINO.id, action: { action_id: 'osaava_suggest:0', value: question }, channel: 'DDEMOAINO', messageTs: `1700000000.00010${round}` }))),
        send('shortcut', h.postInteraction(messageShortcut({ user: MIKKO.id, text: '', responseUrl: h.fake.responseUrl(`obs-${round}`) }))),
        send('dm', h.postEvent(dmEvent({ user: VILLE.id, text: question, channel: 'DDEMOVILLE' }))),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const doneAt = performance.now();
    const times = acks.map((a) => a.ms);
    const p99 = percentile(times, 99);
    console.info(`Slack acks with a 40,000-character DM and a 6 s LLM in flight: n=${times.length}, p50=${Math.round(percentile(times, 50))} ms, p99=${Math.round(p99)} ms, max=${Math.round(Math.max(...times))} ms`);

    expect(acks.every((a) => a.status === 200)).toBe(true);
    expect(acks.length).toBe(20);
    expect(p99).toBeLessThan(1_000);
    // All of it happened while the LLM was still thinking.
    expect(doneAt - llmAskedAt).toBeLessThan(LLM_DELAY_MS);
    for (const r of inFlight) expect((await r).ms).toBeLessThan(1_000);

    // Let the slow work finish before the database closes.
    await h.fake.waitForResponse((r) => r.id === 'q-3', 40_000);
    await h.fake.waitFor('chat.postMessage', (c) => c.args.channel === 'DDEMOVILLE', 40_000);
  }, 90_000);
});
