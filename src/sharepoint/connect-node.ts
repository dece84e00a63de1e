import { readFileSync } from 'node:fs';
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { ConnectionAuth } from './connect';

/**
 * The certificate thumbprint as MSAL takes it. The Entra portal shows a certificate's
 * SHA-1 thumbprint (40 hex digits); `openssl x509 -fingerprint -sha256` gives SHA-256
 * (64). Both are accepted, told apart by length; colons and spaces as tools print them
 * are dropped.
 */
export function certificateThumbprint(raw: string): { thumbprint: string } | { thumbprintSha256: string } {
  const hex = raw.replace(/[\s:]/g, '');
  if (/^[0-9a-f]{64}$/i.test(hex)) return { thumbprintSha256: hex.toUpperCase() };
  // SHA-1 is what the Entra portal shows; MSAL still sends it (as x5t), so it is accepted beside SHA-256.
  if (/^[0-9a-f]{40}$/i.test(hex)) return { thumbprint: hex.toUpperCase() };
  throw new Error(
    `PLAN_TRACKER_CERT_THUMBPRINT is not a certificate thumbprint (${hex.length} characters). Give the SHA-1 thumbprint the Entra portal shows (40 hex digits) or the SHA-256 one (64 hex digits).`,
  );
}

/**
 * App-only auth for the CLI and the reminder job against SharePoint Online: an Entra ID
 * app registration with a certificate (SharePoint refuses client secrets for app-only
 * REST). Kept apart from connect.ts so the tab's bundle never includes msal-node.
 */
export function certificateAuth(options: {
  siteUrl: string;
  tenantId: string;
  clientId: string;
  thumbprint: string;
  privateKeyPem: string;
}): ConnectionAuth {
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      authority: `https://login.microsoftonline.com/${options.tenantId}`,
      clientCertificate: { ...certificateThumbprint(options.thumbprint), privateKey: options.privateKeyPem },
    },
  });
  const scope = `${new URL(options.siteUrl).origin}/.default`;
  return {
    kind: 'token',
    async getToken() {
      const result = await app.acquireTokenByClientCredential({ scopes: [scope] });
      if (!result?.accessToken) throw new Error(`Entra ID returned no token for ${scope}. Check the app registration has SharePoint Sites.Selected or Sites.FullControl.All (application) consent.`);
      return result.accessToken;
    },
  };
}

const REQUIRED_ENV = ['PLAN_TRACKER_TENANT_ID', 'PLAN_TRACKER_CLIENT_ID', 'PLAN_TRACKER_CERT_THUMBPRINT', 'PLAN_TRACKER_CERT_KEY_PATH'] as const;

/** Certificate auth from the environment (see README, "Pointing at a real tenant"). */
export function certificateAuthFromEnv(siteUrl: string): ConnectionAuth {
  const missing = REQUIRED_ENV.filter((name) => !process.env[name]);
  if (missing.length) {
    throw new Error(`To reach ${siteUrl} set ${missing.join(', ')} (in the environment or env/.env.local.user). See README, "Pointing at a real tenant".`);
  }
  return certificateAuth({
    siteUrl,
    tenantId: process.env.PLAN_TRACKER_TENANT_ID!,
    clientId: process.env.PLAN_TRACKER_CLIENT_ID!,
    thumbprint: process.env.PLAN_TRACKER_CERT_THUMBPRINT!,
    privateKeyPem: readFileSync(process.env.PLAN_TRACKER_CERT_KEY_PATH!, 'utf8'),
  });
}
