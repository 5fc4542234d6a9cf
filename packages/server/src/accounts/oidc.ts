import * as client from 'openid-client';

/**
 * The province's unified identity service (政务服务网统一身份认证), an OpenID Connect provider. Which
 * claims carry the ID number, the name and a unit's credit code differs between provinces, so they
 * are settings.
 */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  /** This platform's callback, as registered with the provider: `https://…/api/v1/identity/oidc/callback`. */
  readonly redirectUri: string;
  readonly scope: string;
  readonly idNumberClaim: string;
  readonly nameClaim: string;
  readonly creditCodeClaim: string;
  /** Plain HTTP to the provider: only for a provider on this machine in tests. */
  readonly allowHttp: boolean;
}

/** What the provider vouches for: a person (ID number and name) or a unit (credit code and name). */
export type OidcClaims =
  { kind: 'person'; idNumber: string; name: string } | { kind: 'organisation'; creditCode: string; name: string };

export interface OidcRound {
  readonly url: string;
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
}

/** The authorization-code flow with PKCE, state and nonce, through openid-client. */
export class OidcClient {
  private configuration?: Promise<client.Configuration>;

  constructor(private readonly settings: OidcSettings) {}

  async start(): Promise<OidcRound> {
    const config = await this.config();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scope,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, verifier };
  }

  /** Exchanges the code the provider sent back and reads the verified identity from the ID token. */
  async finish(callbackUrl: URL, round: Pick<OidcRound, 'state' | 'nonce' | 'verifier'>): Promise<OidcClaims> {
    const config = await this.config();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: round.verifier,
      expectedState: round.state,
      expectedNonce: round.nonce,
      idTokenExpected: true,
    });
    const claims: Record<string, unknown> = tokens.claims() ?? {};
    const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : undefined);
    const name = text(this.settings.nameClaim);
    const idNumber = text(this.settings.idNumberClaim);
    const creditCode = text(this.settings.creditCodeClaim);
    if (!name || (!idNumber && !creditCode))
      throw new Error(
        `the ID token lacks ${this.settings.nameClaim} and ${this.settings.idNumberClaim} or ${this.settings.creditCodeClaim}`,
      );
    return creditCode ? { kind: 'organisation', creditCode, name } : { kind: 'person', idNumber: idNumber ?? '', name };
  }

  private config(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        this.settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        // A provider down at the first login is tried again at the next.
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }
}

/** The settings from the environment, or undefined when the platform is not connected to a provider. */
export function oidcSettingsFrom(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.HUIMIN_OIDC_ISSUER;
  if (!issuer) return undefined;
  const clientId = env.HUIMIN_OIDC_CLIENT_ID;
  const redirectUri = env.HUIMIN_OIDC_REDIRECT_URI;
  if (!clientId || !redirectUri)
    throw new Error('HUIMIN_OIDC_ISSUER needs HUIMIN_OIDC_CLIENT_ID and HUIMIN_OIDC_REDIRECT_URI');
  return {
    issuer,
    clientId,
    ...(env.HUIMIN_OIDC_CLIENT_SECRET ? { clientSecret: env.HUIMIN_OIDC_CLIENT_SECRET } : {}),
    redirectUri,
    scope: env.HUIMIN_OIDC_SCOPE ?? 'openid profile',
    idNumberClaim: env.HUIMIN_OIDC_ID_NUMBER_CLAIM ?? 'id_number',
    nameClaim: env.HUIMIN_OIDC_NAME_CLAIM ?? 'name',
    creditCodeClaim: env.HUIMIN_OIDC_CREDIT_CODE_CLAIM ?? 'credit_code',
    allowHttp: env.HUIMIN_OIDC_ALLOW_HTTP === '1',
  };
}
