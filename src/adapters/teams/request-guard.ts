// What /api/messages accepts once the SDK has verified the token's signature, audience and expiry:
// only the Bot Framework may call us, about its own connector, in our tenant. Pure: the caller
// answers and logs the refusal (status and reason, never the body).
import { z } from 'zod';

/** The Bot Framework's token issuer (Azure Bot Service), public cloud. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
/** Azure Bot Service in the US Government cloud. */
export const BOT_FRAMEWORK_ISSUER_GOV = 'https://api.botframework.us';

/** The Bot Connector's hosts (public cloud): Teams' `serviceUrl` is one of these. */
export const DEFAULT_CONNECTOR_HOSTS: readonly string[] = ['smba.trafficmanager.net', '*.botframework.com'];

export interface RequestPolicy {
  /** With a client id: the token claims below must hold. Without one (tests only) they are not checked. */
  authenticated: boolean;
  /** Accepted `iss` values, compared case-insensitively. */
  issuers: readonly string[];
  /** Host names (`smba.trafficmanager.net`) or suffixes (`*.botframework.com`) the bot may call. */
  connectorHosts: readonly string[];
  /** Single-tenant: only activities of this tenant. */
  tenantId?: string;
}

export type Refusal = { status: 400 | 401 | 403; reason: string };

const claimsSchema = z.object({ iss: z.string().optional(), serviceurl: z.string().optional() });
const envelopeSchema = z.object({
  deliveryMode: z.unknown().optional(),
  serviceUrl: z.unknown().optional(),
  conversation: z.object({ tenantId: z.unknown().optional() }).optional().catch(undefined),
  channelData: z.object({ tenant: z.object({ id: z.unknown().optional() }).optional().catch(undefined) }).optional().catch(undefined),
});

/** undefined when the request may go on; otherwise why not. */
export function refuseRequest(body: unknown, claims: unknown, policy: RequestPolicy): Refusal | undefined {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return undefined; // not an activity: the SDK's own schema answers 400
  const activity = envelope.data;
  // Replies in the HTTP response bypass the connector and its checks: Teams never asks for them.
  if (activity.deliveryMode === 'expectReplies') return { status: 400, reason: 'deliveryMode expectReplies is not accepted' };
  if (typeof activity.serviceUrl !== 'string' || !isConnectorUrl(activity.serviceUrl, policy.connectorHosts)) {
    return { status: 400, reason: 'serviceUrl is not a Bot Connector host' };
  }
  if (policy.authenticated) {
    const token = claimsSchema.safeParse(claims).data;
    const issuer = token?.iss?.toLowerCase();
    if (!issuer || !policy.issuers.some((i) => i.toLowerCase() === issuer)) return { status: 401, reason: 'token issuer is not the Bot Framework' };
    if (!token?.serviceurl) return { status: 401, reason: 'token has no serviceurl claim' };
    if (!sameServiceUrl(token.serviceurl, activity.serviceUrl)) return { status: 401, reason: 'serviceurl claim does not match the activity' };
  }
  if (policy.tenantId) {
    const tenant = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
    if (typeof tenant !== 'string' || tenant.toLowerCase() !== policy.tenantId.toLowerCase()) return { status: 403, reason: 'activity is from another tenant' };
  }
  return undefined;
}

/** https to an allowed host; plain http only to a loopback host listed explicitly (tests). */
export function isConnectorUrl(value: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return false;
  return hosts.some((entry) => {
    const pattern = entry.trim().toLowerCase();
    if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
    return host === pattern;
  });
}

/** Same origin and path, ignoring a trailing slash and the case of the host. */
function sameServiceUrl(claim: string, serviceUrl: string): boolean {
  try {
    const a = new URL(claim);
    const b = new URL(serviceUrl);
    const path = (u: URL) => u.pathname.replace(/\/+$/, '').toLowerCase();
    return a.origin.toLowerCase() === b.origin.toLowerCase() && path(a) === path(b);
  } catch {
    return false;
  }
}
