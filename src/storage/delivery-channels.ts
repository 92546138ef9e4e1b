// The delivery channels the platform adapters keep per person, declared here with their database
// implementations (teams-reference-repo.ts, slack-dm-channel-repo.ts); the adapters depend on these
// types, storage never on the adapters.

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

/** Each Slack user's DM channel id (`D…`), needed to read a DM back with conversations.history. */
export interface SlackDmChannelRepo {
  /** Inserts or replaces the user's DM channel. */
  remember(tenantId: string, userId: string, channelId: string): Promise<void>;
  find(tenantId: string, userId: string): Promise<string | undefined>;
}
