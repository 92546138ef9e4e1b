// What reaches the core from a platform, whatever platform it came from.
import type { FormKind, Lang } from './reply.ts';

export type Platform = 'local' | 'slack' | 'teams';

/** Who is speaking, as the platform knows them. */
export interface PlatformUser {
  platform: Platform;
  /** The platform's user id (local id, Slack user id, Teams AAD object id). */
  userId: string;
  /** Slack team id or Teams tenant id; empty for the local chat. */
  tenantId: string;
  /** The platform's idea of the user's language, used when the text does not show one. */
  localeHint?: Lang;
  /** E-mail or UPN when the platform tells it; used to match a platform user to a person. */
  email?: string;
}

export interface IncomingMessage extends PlatformUser {
  text: string;
}

/** A submitted form. Values are strings, string lists (multi-select) or numbers (rating). */
export interface FormSubmission extends PlatformUser {
  formKind: FormKind;
  formId: string;
  values: Record<string, string | string[] | number | undefined>;
}
