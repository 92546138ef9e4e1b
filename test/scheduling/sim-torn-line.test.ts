// A simulation process killed inside a write leaves its last delivery record cut short. The next
// process must not append its first record to that fragment (the two would read back as one
// unreadable line, and a delivery the platform accepted would be reported missing).
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecordingMessenger, readRecordedDeliveries } from '../../src/messaging/recording-messenger.ts';
import { closeTornLine } from '../../src/simulation/sim-child.ts';

const to = { platform: 'slack' as const, tenantId: 'T', userId: 'Ustu1' };
const reply = { kind: 'message' as const, lang: 'fi' as const, blocks: [], citations: [] };

describe('the simulation after a kill inside a write', () => {
  it('closes a torn last record, so the next delivery is read back and the torn one counts as not delivered', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'osaava-torn-')), 'deliveries.jsonl');
    const clock = { now: () => new Date('2026-12-14T13:00:00Z') };
    const first = createRecordingMessenger({ platform: 'slack', clock, file });
    await first.send(to, [reply], { deliveryKey: 'checkin:pl1:2026-12-14' });
    const whole = readFileSync(file, 'utf8');
    // The killed process got half of its second record written.
    const torn = JSON.stringify({ key: 'checkin:pl2:2026-12-14', platform: 'slack', tenantId: 'T', userId: 'Ustu2', at: clock.now().toISOString(), replies: [] });
    appendFileSync(file, torn.slice(0, 40));

    expect(closeTornLine(file)).toBe(true);
    expect(closeTornLine(file)).toBe(false);
    const second = createRecordingMessenger({ platform: 'slack', clock, file });
    expect(await second.confirm?.({ ...to, userId: 'Ustu2' }, 'checkin:pl2:2026-12-14', new Date(0))).toBe('not-delivered');
    await second.send(to, [reply], { deliveryKey: 'checkin:pl3:2026-12-14' });

    expect(readRecordedDeliveries(file).map((d) => d.key)).toEqual(['checkin:pl1:2026-12-14', 'checkin:pl3:2026-12-14']);
    expect(readFileSync(file, 'utf8').startsWith(whole)).toBe(true);
  });

  it('leaves a whole file and a missing one alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osaava-torn-'));
    expect(closeTornLine(join(dir, 'none.jsonl'))).toBe(false);
    writeFileSync(join(dir, 'whole.jsonl'), '{"a":1}\n');
    expect(closeTornLine(join(dir, 'whole.jsonl'))).toBe(false);
    expect(readFileSync(join(dir, 'whole.jsonl'), 'utf8')).toBe('{"a":1}\n');
  });
});
