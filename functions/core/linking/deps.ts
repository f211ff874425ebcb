import type {
  CallbackLedger,
  Clock,
  DeletionRequestRepository,
  GrantRepository,
  IdGenerator,
  LinkRepository,
  MetaGateway,
  OAuthSessionRepository,
  TokenVault,
} from './ports.js';

/** Settings the OAuth flow needs; the handler reads them from configuration once. */
interface OAuthSettings {
  appId: string;
  /** Where Meta's login dialog lives: https://www.facebook.com, or the sandbox locally. */
  dialogBaseUrl: string;
  graphApiVersion: string;
  /** How long an OAuth state lives. */
  stateTtlSeconds: number;
  /** How long the Page / number picker may be submitted after sign-in. */
  selectionTtlSeconds: number;
}

/** Everything a linking use case may need; each use case asks for the subset it uses (Pick). */
interface LinkingDeps {
  links: LinkRepository;
  grants: GrantRepository;
  sessions: OAuthSessionRepository;
  deletions: DeletionRequestRepository;
  /** Meta's callback requests seen, so a repeat is answered, not acted on again. */
  callbacks: CallbackLedger;
  vault: TokenVault;
  meta: MetaGateway;
  clock: Clock;
  ids: IdGenerator;
  oauth: OAuthSettings;
  /**
   * Tandem's public origin (and stage path, if any). The OAuth redirect URI and the data-deletion
   * status URL are derived from it, never from a request.
   */
  publicBaseUrl: string;
  /** The Meta app secret, for verifying signed_request. */
  appSecret: string;
}

const DEFAULT_STATE_TTL_SECONDS = 600;
const DEFAULT_SELECTION_TTL_SECONDS = 900;

export type { LinkingDeps, OAuthSettings };
export { DEFAULT_SELECTION_TTL_SECONDS, DEFAULT_STATE_TTL_SECONDS };
