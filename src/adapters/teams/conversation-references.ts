// Where the Teams adapter keeps what it needs to message a user proactively: the 1:1 conversation
// with them, saved when the app is installed and refreshed on every message. A reference Teams has
// refused (403/404) is marked stale and never used again until the user writes to the bot anew.

import type { ConversationReferenceStore, StoredConversationReference } from '../../storage/delivery-channels.ts';

export type { ConversationReferenceStore, StaleMark, StoredConversationReference, TeamsConversationReference } from '../../storage/delivery-channels.ts';

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
