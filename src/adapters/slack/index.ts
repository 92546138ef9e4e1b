export { createSlackAdapter, type SlackAdapter, type SlackAdapterDeps } from './slack-adapter.ts';
export { SLACK_EVENTS_PATH } from './request-guard.ts';
