// Linking platform accounts: an admin writing in Slack links a user of that workspace without naming
// the team, and can unlink an account (a deactivated one) so that nothing goes to it any more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlainText } from '../../../src/conversation/render-text.ts';
import { createTestCore, type TestCore } from '../../support/core.ts';

describe('linking and unlinking accounts', () => {
  let t: TestCore;
  const inSlack = async (userId: string, text: string) => (await t.core.handle({ platform: 'slack', userId, tenantId: 'T0SCHOOL', text })).map(renderPlainText).join('\n');
  beforeAll(async () => {
    t = await createTestCore('pglite');
    await t.store.people.linkIdentity({ platform: 'slack', tenantId: 'T0SCHOOL', externalId: 'U0ADMIN', personId: 'admin' });
  });
  afterAll(async () => t?.close());

  it('links in the admin\'s own workspace when no team is given, in Finnish too', async () => {
    expect(await inSlack('U0ADMIN', 'yhdistä slack U0VILLE ville')).toContain('Yhdistetty');
    expect((await t.store.people.findByIdentity({ platform: 'slack', tenantId: 'T0SCHOOL', externalId: 'U0VILLE' }))?.id).toBe('ville');
    expect(await inSlack('U0VILLE', 'edistymiseni')).toMatch(/\d+\/25/);
  });

  it('unlinks an account, which is then a stranger again, and says when there was nothing to unlink', async () => {
    expect(await inSlack('U0ADMIN', 'unlink slack U0VILLE')).toContain('Link removed');
    expect(await t.store.people.findByIdentity({ platform: 'slack', tenantId: 'T0SCHOOL', externalId: 'U0VILLE' })).toBeNull();
    expect(await inSlack('U0ADMIN', 'irrota slack U0VILLE')).toContain('ei ole liitetty');
    expect(await t.text('liisa', 'unlink slack U0VILLE')).toMatch(/not available for your role/);
  });
});
