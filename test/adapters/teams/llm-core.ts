// Teams test people for the slow-LLM tests; the core itself is test/support/slow-llm-core.ts.
export { type SlowLlmCore, startSlowLlmCore } from '../../support/slow-llm-core.ts';

/** Aino's instructor in the demo school (the Entra id teams-forms.test.ts's message action names). */
export const mikko = { teamsId: '29:1mikko-teams-id', aadObjectId: 'b2c3d4e5-0000-4000-8000-000000000002', name: 'Mikko Laine', conversationId: 'a:1personal-chat-mikko' };
