// The connector host allow-list on its own. Hosts are the Bot Connector's as Teams sends them in
// `serviceUrl` (msteams-docs msteams-platform/bots/how-to/conversations/send-proactive-messages.md:
// `https://smba.trafficmanager.net/emea/`; Web Chat/Direct Line: `https://webchat.botframework.com/`).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONNECTOR_HOSTS, isConnectorUrl } from '../../../src/adapters/teams/request-guard.ts';

describe('isConnectorUrl', () => {
  it.each([
    ['https://smba.trafficmanager.net/emea/', true],
    ['https://smba.trafficmanager.net/amer/', true],
    ['https://webchat.botframework.com/', true],
    ['http://smba.trafficmanager.net/emea/', false],
    ['https://smba.trafficmanager.net.attacker.example/', false],
    ['https://attacker.example/smba.trafficmanager.net/', false],
    ['https://user:pw@smba.trafficmanager.net/emea/', false],
    ['https://botframework.com.attacker.example/', false],
    ['http://127.0.0.1:3978/', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isConnectorUrl(url, DEFAULT_CONNECTOR_HOSTS)).toBe(allowed);
  });

  it('allows plain http only to a loopback host listed explicitly (tests)', () => {
    expect(isConnectorUrl('http://127.0.0.1:3978/', ['127.0.0.1'])).toBe(true);
    expect(isConnectorUrl('http://10.0.0.5/', ['10.0.0.5'])).toBe(false);
  });
});
