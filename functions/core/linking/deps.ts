import type { EventPublisher } from './events.js';
import type { TenantSettingsRepository } from './origins.js';
import type {
  CallbackLedger,
  Clock,
  DeletionRequestRepository,
  GrantRepository,
  IdGenerator,
  LinkAdOperations,
  LinkRepository,
  MetaGateway,
  OAuthSessionRepository,
  TokenVault,
} from './ports.js';

/**
 * How users log in. Tandem's permissions make it a Facebook Login for Business app, which logs in
 * with a configuration saved in the App Dashboard (`config_id`) holding the permissions; Meta refuses
 * such an app a dialog with `scope`
 * (https://developers.facebook.com/documentation/facebook-login/facebook-login-for-business). The
 * classic `scope` dialog is only for a classic (consumer) app, chosen explicitly.
 */
type LoginMethod = { kind: 'configuration'; configId: string } | { kind: 'scopes' };

/** Settings the OAuth flow needs; the handler reads them from configuration once. */
interface OAuthSettings {
  appId: string;
  login: LoginMethod;
  /**
   * The login that asks for the story permissions, used only when a tenant turns story consent on:
   * a second Login for Business configuration, or `scope` with `auth_type=rerequest` for a classic
   * app. Undefined when the deployment has no stories configuration.
   */
  storiesLogin?: LoginMethod;
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
  adOperations: LinkAdOperations;
  /** The link's story operations (and so what they posted where): they go with it too. */
  storyOperations: LinkAdOperations;
  /** The link's story uploads (photos and videos in Tandem's media store): they go with it too. */
  storyUploads: LinkAdOperations;
  /** The link's stored message statistics: they go with it too (not counted in the answer). */
  messageStats: LinkAdOperations;
  /** The tenant's registered origins (a sign-in's returnUrl must be on one). */
  settings: TenantSettingsRepository;
  /** Where link.created, link.deleted and grant.revoked go. */
  events: EventPublisher;
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

export type { LinkingDeps, LoginMethod, OAuthSettings };
export { DEFAULT_SELECTION_TTL_SECONDS, DEFAULT_STATE_TTL_SECONDS };
