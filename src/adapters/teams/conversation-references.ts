// Where the Teams adapter keeps what it needs to message a user proactively: the 1:1 conversation
// with them, saved when the app is installed and refreshed on every message. A reference Teams has
// refused (403/404) is marked stale and never used again until the user writes to the bot anew.

/** One user's personal conversation with the bot; the key is (tenantId, aadObjectId). */
export interface TeamsConversationReference {
  tenantId: string;
  /** The user's Entra (AAD) object id: the platform user id Osaava knows them by. */
  aadObjectId: string;
  /** The user's Teams id in this conversation (`29:…`). */
  teamsUserId: string;
  /** The personal conversation's id (`a:…`). */
  conversationId: string;
  /** The Bot Connector endpoint for this tenant's region, e.g. `https://smba.trafficmanager.net/emea/`. */
  serviceUrl: string;
  /** Always `msteams` in practice; kept as sent. */
  channelId: string;
  /** The bot's id in the conversation (`28:<app id>`). */
  botId: string;
  locale?: string;
  updatedAt: Date;
}

export interface StaleMark {
  reason: string;
  at: Date;
}

export type StoredConversationReference = TeamsConversationReference & { stale?: StaleMark };

export interface ConversationReferenceStore {
  /** Inserts or replaces the user's reference; a fresh save clears an earlier stale mark. */
  save(reference: TeamsConversationReference): Promise<void>;
  get(tenantId: string, aadObjectId: string): Promise<StoredConversationReference | undefined>;
  /** Teams said the user cannot be reached here (uninstalled, blocked, chat removed). No-op without a reference. */
  markStale(tenantId: string, aadObjectId: string, reason: string, at?: Date): Promise<void>;
  /** Stale references, oldest mark first: for the teacher's summary of who cannot be reached. */
  listStale(): Promise<StoredConversationReference[]>;
}

/** For tests and the local start; the database store implements the same interface. */
export function createInMemoryConversationReferenceStore(clock: () => Date = () => new Date()): ConversationReferenceStore {
  const rows = new Map<string, StoredConversationReference>();
  const key = (tenantId: string, aadObjectId: string) => `${tenantId.toLowerCase()}\u0000${aadObjectId.toLowerCase()}`;
  return {
    async save(reference) {
      rows.set(key(reference.tenantId, reference.aadObjectId), { ...reference });
    },
    async get(tenantId, aadObjectId) {
      const row = rows.get(key(tenantId, aadObjectId));
      return row ? { ...row } : undefined;
    },
    async markStale(tenantId, aadObjectId, reason, at) {
      const k = key(tenantId, aadObjectId);
      const row = rows.get(k);
      if (row) rows.set(k, { ...row, stale: { reason, at: at ?? clock() } });
    },
    async listStale() {
      return [...rows.values()]
        .filter((row) => row.stale !== undefined)
        .sort((a, b) => (a.stale?.at.getTime() ?? 0) - (b.stale?.at.getTime() ?? 0))
        .map((row) => ({ ...row }));
    },
  };
}
