// The speaker's e-mail/UPN, which the core uses to match a Teams user to a person. Teams does not put
// it on activities; the conversation's member record has it (what TeamsInfo.getMember reads). Cached,
// so a chat costs one lookup a day per user, and a failed lookup only means "not known".
import { z } from 'zod';

export const teamsMemberSchema = z.object({
  email: z.string().optional(),
  userPrincipalName: z.string().optional(),
  /** The member's home tenant: a guest or a federated user from another organisation has their own. */
  tenantId: z.string().optional(),
});

export interface MemberEmailCache {
  get(tenantId: string, aadObjectId: string): { email: string | undefined } | undefined;
  set(tenantId: string, aadObjectId: string, email: string | undefined): void;
}

export function createMemberEmailCache(deps: { now: () => Date; ttlMs?: number; maxEntries?: number }): MemberEmailCache {
  const ttlMs = deps.ttlMs ?? 24 * 60 * 60 * 1000;
  const maxEntries = deps.maxEntries ?? 5000;
  const entries = new Map<string, { email: string | undefined; at: number }>();
  const key = (tenantId: string, aadObjectId: string) => `${tenantId}\u0000${aadObjectId}`;
  return {
    get(tenantId, aadObjectId) {
      const entry = entries.get(key(tenantId, aadObjectId));
      if (!entry) return undefined;
      if (deps.now().getTime() - entry.at > ttlMs) {
        entries.delete(key(tenantId, aadObjectId));
        return undefined;
      }
      return { email: entry.email };
    },
    set(tenantId, aadObjectId, email) {
      const k = key(tenantId, aadObjectId);
      entries.delete(k);
      entries.set(k, { email, at: deps.now().getTime() });
      // Oldest first out: a Map iterates in insertion order.
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}

/**
 * The address to match on: the mailbox when Teams has one, else the sign-in name (UPN). Only for a
 * member of `tenantId` (the school's): an address from another tenant never links to a local person.
 */
export function emailOfMember(member: unknown, tenantId: string): string | undefined {
  const parsed = teamsMemberSchema.safeParse(member);
  if (!parsed.success) return undefined;
  if (parsed.data.tenantId?.toLowerCase() !== tenantId.toLowerCase()) return undefined;
  const candidate = parsed.data.email?.trim() || parsed.data.userPrincipalName?.trim();
  return candidate?.includes('@') ? candidate.toLowerCase() : undefined;
}
