// Who may reach the act-as-anyone local chat: a pure function of the remote address, the forwarding
// headers, the Host header and the configuration.
import { describe, expect, it } from 'vitest';
import {
  checkLocalChatAccess,
  hostName,
  isLoopbackAddress,
  LOOPBACK_ONLY,
  localChatNotice,
} from '../../../src/adapters/local/local-chat-access.ts';
import type { LocalChatAccessPolicy, LocalChatRequestOrigin } from '../../../src/adapters/local/local-chat-access.ts';

const explicitOn: LocalChatAccessPolicy = { allowRemote: true, extraHosts: [] };
const local = (over: Partial<LocalChatRequestOrigin> = {}): LocalChatRequestOrigin => ({ remoteAddress: '127.0.0.1', host: 'localhost:3978', ...over });
const reason = (origin: LocalChatRequestOrigin, policy: LocalChatAccessPolicy = LOOPBACK_ONLY) => {
  const decision = checkLocalChatAccess(origin, policy);
  return decision.allowed ? 'allowed' : decision.reason;
};

describe('loopback addresses', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1', '[::1]:5000', '127.0.0.1:5000'])('%s is loopback', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each(['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.1', 'fe80::1', '2001:db8::1', '0.0.0.0', '::', 'unknown', '', 'localhost', '128.0.0.1'])('%s is not', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});

describe('the remote address', () => {
  it('serves this machine, over IPv4, IPv6 and IPv4-mapped IPv6', () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(reason(local({ remoteAddress }))).toBe('allowed');
  });

  it('refuses another machine unless LOCAL_CHAT=on was set explicitly', () => {
    for (const remoteAddress of ['192.168.1.20', '::ffff:10.0.0.7', '2001:db8::1']) {
      expect(reason(local({ remoteAddress }))).toBe('remote_address');
      expect(reason(local({ remoteAddress }), explicitOn)).toBe('allowed');
    }
  });

  it('refuses an unknown peer (no socket address)', () => {
    expect(reason(local({ remoteAddress: undefined }))).toBe('remote_address');
  });

  it('refuses a request a proxy on this machine forwards for another one (a tunnel, say)', () => {
    expect(reason(local({ forwardedFor: '203.0.113.9' }))).toBe('remote_address');
    expect(reason(local({ forwardedFor: '127.0.0.1, 203.0.113.9' }))).toBe('remote_address');
    expect(reason(local({ forwardedFor: 'unknown' }))).toBe('remote_address');
    expect(reason(local({ forwarded: 'for=192.0.2.60;proto=http;by=203.0.113.43' }))).toBe('remote_address');
    expect(reason(local({ forwarded: 'for="[2001:db8:cafe::17]:4711"' }))).toBe('remote_address');
    expect(reason(local({ forwardedFor: '203.0.113.9' }), explicitOn)).toBe('allowed');
  });

  it('serves a request a proxy on this machine forwards for this machine', () => {
    expect(reason(local({ forwardedFor: '127.0.0.1' }))).toBe('allowed');
    expect(reason(local({ forwarded: 'for="[::1]:4711", for=127.0.0.1' }))).toBe('allowed');
  });
});

describe('the Host header (DNS rebinding)', () => {
  it.each(['localhost', 'localhost:3978', 'LOCALHOST:3978', 'localhost.:3978', '127.0.0.1', '127.0.0.1:3978', '127.1.2.3:80', '[::1]', '[::1]:3978'])('serves %s', (host) => {
    expect(reason(local({ host }))).toBe('allowed');
  });

  it.each(['evil.example', 'evil.example:3978', 'localhost.evil.example', '127.0.0.1.nip.io:3978', '192.168.1.20:3978', '[2001:db8::1]:3978', 'localhost:3978@evil', '', ' ', '::1'])('refuses %j', (host) => {
    expect(reason(local({ host }))).toBe('host');
  });

  it('refuses a request without a Host header', () => {
    expect(reason(local({ host: undefined }))).toBe('host');
  });

  it('checks the Host header with LOCAL_CHAT=on too', () => {
    expect(reason(local({ remoteAddress: '192.168.1.20', host: 'evil.example' }), explicitOn)).toBe('host');
  });

  it('serves the names LOCAL_CHAT_HOSTS lists, with any port, and no others', () => {
    const policy: LocalChatAccessPolicy = { allowRemote: true, extraHosts: ['devbox.lan', '192.168.1.20'] };
    expect(reason(local({ remoteAddress: '192.168.1.7', host: 'devbox.lan:3978' }), policy)).toBe('allowed');
    expect(reason(local({ remoteAddress: '192.168.1.7', host: 'DEVBOX.LAN' }), policy)).toBe('allowed');
    expect(reason(local({ remoteAddress: '192.168.1.7', host: '192.168.1.20:3978' }), policy)).toBe('allowed');
    expect(reason(local({ remoteAddress: '192.168.1.7', host: 'other.lan:3978' }), policy)).toBe('host');
    // An extra host name does not let other machines in by itself.
    expect(reason(local({ remoteAddress: '192.168.1.7', host: 'devbox.lan' }), { ...policy, allowRemote: false })).toBe('remote_address');
  });

  it('reads host names without port, brackets or a trailing dot', () => {
    expect(hostName('Example.FI:8080')).toBe('example.fi');
    expect(hostName('[::1]:3978')).toBe('::1');
    expect(hostName('localhost.')).toBe('localhost');
    expect(hostName('a b')).toBeUndefined();
  });
});

describe('the refusal', () => {
  it('is a 403 that says why and what to set', () => {
    const remote = checkLocalChatAccess(local({ remoteAddress: '10.0.0.5' }), LOOPBACK_ONLY);
    expect(remote).toMatchObject({ allowed: false, status: 403 });
    expect(remote.allowed ? '' : remote.message).toMatch(/LOCAL_CHAT=on/);
    const host = checkLocalChatAccess(local({ host: 'evil.example' }), LOOPBACK_ONLY);
    expect(host.allowed ? '' : host.message).toMatch(/LOCAL_CHAT_HOSTS/);
  });
});

describe('the banner notice', () => {
  it('says that anyone can act as anyone, whatever the mode', () => {
    for (const explicit of [false, true]) {
      for (const platformConfigured of [false, true]) {
        expect(localChatNotice({ explicit, platformConfigured })).toMatch(/anyone who opens this page can act as anyone/);
      }
    }
    expect(localChatNotice({ explicit: false, platformConfigured: false })).toMatch(/Demo school/);
    expect(localChatNotice({ explicit: true, platformConfigured: false })).toMatch(/LOCAL_CHAT=on/);
  });
});
