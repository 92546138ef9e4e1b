// The Agents SDK's authentication settings from Osaava's configuration (the SDK's own standard
// variables: clientId, clientSecret, tenantId). Single-tenant is the default Azure now allows.
import type { AuthConfiguration } from '@microsoft/agents-hosting';

export interface TeamsAuth {
  /** The Azure Bot's app (client) id. */
  clientId: string;
  /** The app registration's secret; without one the SDK uses the (user-assigned) managed identity. */
  clientSecret?: string;
  /** The school's Entra tenant: the bot is single-tenant. */
  tenantId?: string;
  /**
   * The Entra authority, `https://login.microsoftonline.com` unless set. Only national clouds and the
   * tests (a local token issuer) change it; incoming tokens' signing keys are read from here too.
   */
  authorityEndpoint?: string;
}

export function toAuthConfiguration(auth: TeamsAuth | undefined): AuthConfiguration {
  if (!auth) {
    // Explicitly empty, so credentials lying in the environment cannot switch the test mode to real auth.
    return { clientId: undefined, clientSecret: undefined, tenantId: undefined };
  }
  return {
    clientId: auth.clientId,
    clientSecret: auth.clientSecret,
    tenantId: auth.tenantId,
    ...(auth.authorityEndpoint ? { authorityEndpoint: auth.authorityEndpoint } : {}),
    // Tokens must come from Azure Bot Service or this tenant, not from any tenant sharing Entra's keys.
    validateIssuer: true,
  };
}
