// A local stand-in for the Bot Connector service (an activity's `serviceUrl`): records what the bot
// sends, answers like Teams does, and can fail the next calls with 403/404/429/500 or a dropped
// connection. It also plays the Entra token issuer for authenticated tests: an RSA key made with
// node:crypto, its JWKS at the path the Agents SDK derives from the authority, and RS256 tokens.
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

export type ConnectorCall =
  | { kind: 'send'; conversationId: string }
  | { kind: 'reply'; conversationId: string; replyToId: string }
  | { kind: 'update'; conversationId: string; activityId: string }
  | { kind: 'create-conversation' }
  | { kind: 'get-member'; conversationId: string; memberId: string }
  | { kind: 'other' };

export interface RecordedRequest {
  method: string;
  path: string;
  call: ConnectorCall;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface TeamsMember {
  id: string;
  aadObjectId: string;
  name?: string;
  email?: string;
  userPrincipalName?: string;
  /** The member's home tenant, as Teams' member record gives it. */
  tenantId?: string;
  userRole?: 'user' | 'guest' | 'anonymous';
}

export type Failure =
  | { status: 403 | 404 | 412 | 429 | 500 | 502 | 503; code?: string; retryAfterSeconds?: number }
  | { status: 'drop' };

export interface TokenOptions {
  audience?: string;
  issuer?: string;
  expiresInSeconds?: number;
  /** Sign with a key the JWKS does not publish. */
  foreignKey?: boolean;
  extraClaims?: Record<string, unknown>;
}

export interface FakeBotConnector {
  /** The serviceUrl to put on activities (with a trailing slash, as Teams sends it). */
  serviceUrl: string;
  /** The authority to configure for authenticated tests (tokens are issued by `${authority}/${tenant}/v2.0`). */
  authority: string;
  /**
   * Stands in for `https://api.botframework.com`, the issuer of the tokens Azure Bot Service sends
   * (the real one's keys live at login.botframework.com, which a test cannot sign for). Its keys are
   * the same JWKS as the tenant issuers'.
   */
  botFrameworkIssuer: string;
  requests: RecordedRequest[];
  /** Activities the bot posted or updated, in order. */
  activities(): { call: ConnectorCall; activity: Record<string, unknown> }[];
  /** The next `count` activity calls fail this way (member lookups are not affected). */
  failNext(failure: Failure, count?: number): void;
  addMember(conversationId: string, member: TeamsMember): void;
  /**
   * The app is installed for this user (Entra object id): `POST /v3/conversations` creates their 1:1
   * chat. For anyone else it is refused with 403, as Teams does when the app is not installed.
   */
  installFor(aadObjectId: string): void;
  /** The 1:1 conversation id `POST /v3/conversations` gives for an installed user. */
  personalConversationOf(aadObjectId: string): string;
  issuerFor(tenantId: string): string;
  signToken(tenantId: string, options?: TokenOptions): string;
  close(): Promise<void>;
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const requests: RecordedRequest[] = [];
  const failures: Failure[] = [];
  const members = new Map<string, TeamsMember>();
  const installed = new Set<string>();
  let nextId = 1;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = `fake-${randomUUID()}`;

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method ?? 'GET';
    const body = await readJson(req);
    const call = route(method, path);
    requests.push({ method, path, call, headers: req.headers, body });

    const keys = /^\/([^/]+)\/discovery\/v2\.0\/keys$/.exec(path);
    if (method === 'GET' && keys) return json(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] });
    const config = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (method === 'GET' && config?.[1]) {
      const tenant = config[1];
      return json(res, 200, { issuer: issuerFor(tenant), jwks_uri: `${authority}/${tenant}/discovery/v2.0/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }

    if (call.kind === 'get-member') {
      const member = members.get(`${call.conversationId}\u0000${call.memberId}`);
      return member ? json(res, 200, member) : json(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'Member not found' } });
    }
    if (call.kind === 'other') return json(res, 404, { error: { code: 'NotFound', message: `No fake for ${method} ${path}` } });

    const failure = failures.shift();
    if (failure?.status === 'drop') {
      // The request was read: the bot cannot know whether it was delivered.
      res.socket?.destroy();
      return;
    }
    if (failure) {
      const headers = failure.retryAfterSeconds !== undefined ? { ...JSON_HEADERS, 'Retry-After': String(failure.retryAfterSeconds) } : JSON_HEADERS;
      res.writeHead(failure.status, headers).end(JSON.stringify({ error: { code: failure.code ?? `Http${failure.status}`, message: 'fake connector failure' } }));
      return;
    }
    switch (call.kind) {
      case 'send':
      case 'reply':
        return json(res, 201, { id: `activity-${nextId++}` });
      case 'update':
        return json(res, 200, { id: call.activityId });
      case 'create-conversation':
        return createConversation(res, body);
    }
  }

  /**
   * `POST /v3/conversations` as the Bot Connector REST reference and msteams-docs describe it:
   * `{ isGroup: false, bot: { id: '28:…' }, members: [{ id }], tenantId | channelData.tenant.id }`,
   * the member id a `29:` id or the user's Entra object id. 400 when the body lacks `bot` (e.g. only
   * the Agents SDK's `agent`), a member or the tenant; 403 when the app is not installed for them.
   */
  function createConversation(res: ServerResponse, body: unknown): void {
    const params = isRecord(body) ? body : {};
    const bot = isRecord(params.bot) ? params.bot : undefined;
    const memberList = Array.isArray(params.members) ? params.members : [];
    const member = isRecord(memberList[0]) ? memberList[0] : undefined;
    const channelData = isRecord(params.channelData) ? params.channelData : {};
    const tenant = typeof params.tenantId === 'string' ? params.tenantId : isRecord(channelData.tenant) ? channelData.tenant.id : undefined;
    if (typeof bot?.id !== 'string' || !bot.id.startsWith('28:') || typeof member?.id !== 'string' || memberList.length !== 1 || typeof tenant !== 'string' || params.isGroup === true) {
      json(res, 400, { error: { code: 'BadArgument', message: 'Invalid conversation parameters' } });
      return;
    }
    const user = member.id.toLowerCase();
    if (!installed.has(user)) {
      json(res, 403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
      return;
    }
    json(res, 201, { id: personalConversationOf(user) });
  }

  function personalConversationOf(aadObjectId: string): string {
    return `a:1personal-${aadObjectId.toLowerCase()}`;
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fake connector has no port');
  const authority = `http://127.0.0.1:${address.port}`;

  function issuerFor(tenantId: string): string {
    return `${authority}/${tenantId}/v2.0`;
  }

  return {
    serviceUrl: `${authority}/`,
    authority,
    botFrameworkIssuer: `${authority}/api.botframework.com`,
    requests,
    activities() {
      return requests
        .filter((r) => r.call.kind === 'send' || r.call.kind === 'reply' || r.call.kind === 'update')
        .map((r) => ({ call: r.call, activity: isRecord(r.body) ? r.body : {} }));
    },
    failNext(failure, count = 1) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    addMember(conversationId, member) {
      members.set(`${conversationId}\u0000${member.id}`, member);
      members.set(`${conversationId}\u0000${member.aadObjectId}`, member);
    },
    installFor(aadObjectId) {
      installed.add(aadObjectId.toLowerCase());
    },
    personalConversationOf,
    issuerFor,
    signToken(tenantId, options = {}) {
      const nowSeconds = Math.floor(Date.now() / 1000);
      const claims = {
        iss: options.issuer ?? issuerFor(tenantId),
        aud: options.audience,
        iat: nowSeconds,
        nbf: nowSeconds,
        exp: nowSeconds + (options.expiresInSeconds ?? 3600),
        ...options.extraClaims,
      };
      return signJwt(claims, kid, options.foreignKey ? foreign : privateKey);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function route(method: string, path: string): ConnectorCall {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'v3' || parts[1] !== 'conversations') return { kind: 'other' };
  const [, , conversationId, resource, id] = parts;
  if (method === 'POST' && parts.length === 2) return { kind: 'create-conversation' };
  if (!conversationId) return { kind: 'other' };
  if (resource === 'activities') {
    if (method === 'POST' && id === undefined) return { kind: 'send', conversationId };
    if (method === 'POST' && id !== undefined) return { kind: 'reply', conversationId, replyToId: id };
    if (method === 'PUT' && id !== undefined) return { kind: 'update', conversationId, activityId: id };
  }
  if (resource === 'members' && method === 'GET' && id !== undefined) return { kind: 'get-member', conversationId, memberId: id };
  return { kind: 'other' };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, JSON_HEADERS).end(JSON.stringify(body));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

function signJwt(claims: Record<string, unknown>, kid: string, key: KeyObject): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key);
  return `${header}.${payload}.${base64url(signature)}`;
}

