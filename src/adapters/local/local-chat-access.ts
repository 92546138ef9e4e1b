// Who may reach the local chat. It lets anyone act as anyone, so it answers only on this machine:
// from a loopback address (unless LOCAL_CHAT=on was set explicitly) and under a loopback Host name
// (else a web page on another site could reach it through DNS rebinding), plus LOCAL_CHAT_HOSTS.
import { BlockList, isIP } from 'node:net';

export interface LocalChatAccessPolicy {
  /** LOCAL_CHAT=on was set explicitly: requests from other machines are served too. */
  allowRemote: boolean;
  /** Host names besides localhost, 127.0.0.1 and [::1] the page may be reached at (LOCAL_CHAT_HOSTS). */
  extraHosts: readonly string[];
}

/** Only this machine, only at loopback names: what the local chat does when nothing else is said. */
export const LOOPBACK_ONLY: LocalChatAccessPolicy = { allowRemote: false, extraHosts: [] };

export interface LocalChatRequestOrigin {
  /** The TCP peer's address (`req.socket.remoteAddress`). */
  remoteAddress: string | undefined;
  /** The `X-Forwarded-For` header: a proxy on this machine (a tunnel, say) passes the real client here. */
  forwardedFor?: string | undefined;
  /** The `Forwarded` header (RFC 7239), read for its `for=` addresses. */
  forwarded?: string | undefined;
  /** The `Host` header. */
  host: string | undefined;
}

export type LocalChatAccess =
  | { allowed: true }
  | { allowed: false; status: 403; reason: 'remote_address' | 'host'; message: string };

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Whether an address (as a socket or a forwarding header gives it) is this machine's loopback. */
export function isLoopbackAddress(address: string): boolean {
  const bare = stripPort(address.trim());
  const family = isIP(bare);
  if (family === 4) return loopback.check(bare, 'ipv4');
  // IPv6, including IPv4-mapped ::ffff:127.0.0.1, which BlockList checks against the IPv4 subnet.
  if (family === 6) return loopback.check(bare, 'ipv6');
  return false;
}

/** `[::1]:3978` → `::1`, `127.0.0.1:3978` → `127.0.0.1`; an address without a port stays as it is. */
function stripPort(address: string): string {
  const unquoted = address.replace(/^"|"$/g, '');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(unquoted);
  if (bracketed?.[1]) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(unquoted);
  return v4WithPort?.[1] ?? unquoted;
}

/** Every client address the request names: the socket's and those of forwarding headers. */
function clientAddresses(origin: LocalChatRequestOrigin): string[] {
  const forwardedFor = (origin.forwardedFor ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  const forwarded = [...(origin.forwarded ?? '').matchAll(/for\s*=\s*("[^"]*"|[^;,\s]+)/gi)].map((m) => m[1] ?? '');
  return [origin.remoteAddress ?? '', ...forwardedFor, ...forwarded];
}

/** The host name of a Host header, lower case, without port, brackets or a trailing dot; undefined if malformed. */
export function hostName(host: string): string | undefined {
  const value = host.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) return bracketed[1];
  const named = /^([a-z0-9._-]+?)\.?(?::\d{1,5})?$/.exec(value);
  return named?.[1];
}

/** A host name that can only mean this machine: localhost, 127.x.x.x or ::1 (an IP literal cannot be rebound). */
function isLoopbackHostName(name: string): boolean {
  return name === 'localhost' || (isIP(name) !== 0 && isLoopbackAddress(name));
}

/** Normalises LOCAL_CHAT_HOSTS entries the way hostName reads a Host header. */
export function normaliseHostNames(names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const normalised = hostName(name);
    return normalised ? [normalised] : [];
  });
}

/** Whether the local chat answers this request. Pure: the router passes in what the request says. */
export function checkLocalChatAccess(origin: LocalChatRequestOrigin, policy: LocalChatAccessPolicy): LocalChatAccess {
  if (!policy.allowRemote && !clientAddresses(origin).every(isLoopbackAddress)) {
    return {
      allowed: false,
      status: 403,
      reason: 'remote_address',
      message: 'The local chat answers only on the machine it runs on: anyone who opens it can act as anyone. Set LOCAL_CHAT=on to serve it to other machines.',
    };
  }
  const name = origin.host === undefined ? undefined : hostName(origin.host);
  const extra = normaliseHostNames(policy.extraHosts);
  if (name === undefined || !(isLoopbackHostName(name) || extra.includes(name))) {
    return {
      allowed: false,
      status: 403,
      reason: 'host',
      message: 'The local chat answers only at localhost, 127.0.0.1 or [::1] (a guard against DNS rebinding). List other host names it may be reached at in LOCAL_CHAT_HOSTS.',
    };
  }
  return { allowed: true };
}

/** The banner's notice: shown whenever the local chat runs, saying what it is and what it holds. */
export function localChatNotice(mode: { explicit: boolean; platformConfigured: boolean }): string {
  if (mode.platformConfigured) {
    return 'LOCAL_CHAT=on, vaikka Slack tai Teams on käytössä: kuka tahansa tämän sivun avaava voi toimia kenä tahansa, oikeidenkin tietojen kanssa. · LOCAL_CHAT=on although Slack or Teams is configured: anyone who opens this page can act as anyone, on real data too.';
  }
  if (mode.explicit) {
    return 'LOCAL_CHAT=on: kuka tahansa tämän sivun avaava voi toimia kenä tahansa niillä tiedoilla, joita palvelimella on. · LOCAL_CHAT=on: anyone who opens this page can act as anyone, on whatever data this server holds.';
  }
  return 'Demokoulu tällä koneella: kuka tahansa tämän sivun avaava voi toimia kenä tahansa. · Demo school on this machine: anyone who opens this page can act as anyone.';
}
