// The Teams adapter's public surface for the composition root.
export { createTeamsAdapter, type TeamsAdapter, type TeamsAdapterDeps } from './teams-adapter.ts';
export type { TeamsAuth } from './auth-config.ts';
export {
  createInMemoryConversationReferenceStore,
  type ConversationReferenceStore,
  type StoredConversationReference,
  type TeamsConversationReference,
} from './conversation-references.ts';
