import type { PageWhatsAppRead } from '../../core/linking/meta-link.js';
import type { HealthRead } from '../../core/linking/number-health.js';
import { WHATSAPP_VERTICALS } from '../../core/sync/verticals.js';
import * as z from '../../core/zod.js';

/**
 * zod schemas for every Graph response Tandem reads, matching Meta's documented shapes (and the
 * WhatsApp OpenAPI spec). Objects are loose: Meta adds fields without notice, and a new field must
 * not break a sync. Fields Tandem relies on are required; the rest optional.
 */

/** Graph ids are numeric strings; some endpoints return numbers. */
const graphId = z.union([
  z.string().check(z.minLength(1)),
  z.pipe(z.number().check(z.int()), z.transform(String)),
]);

/** Cursor paging (`CursorPaging` in the spec). */
const paging = z.optional(
  z.object({
    cursors: z.optional(
      z.object({ before: z.optional(z.string()), after: z.optional(z.string()) })
    ),
    next: z.optional(z.string()),
    previous: z.optional(z.string()),
  })
);

/** A `{ data: [...], paging }` list of `item`. */
const listOf = <S extends z.ZodMiniType>(item: S) => z.looseObject({ data: z.array(item), paging });

/** `{"success": true}`; older endpoints answer a bare `true`. */
const success = z.pipe(
  z.union([z.boolean(), z.looseObject({ success: z.boolean() })]),
  z.transform((value) => (typeof value === 'boolean' ? value : value.success))
);

// OAuth

/** `/oauth/access_token` (code exchange and fb_exchange_token). */
const accessToken = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.optional(z.string()),
  /** Seconds; absent for tokens that do not expire. */
  expires_in: z.optional(z.number()),
});

/** `/debug_token` `data`. */
const debugToken = z.looseObject({
  data: z.looseObject({
    app_id: graphId,
    type: z.optional(z.string()),
    application: z.optional(z.string()),
    /** Unix seconds; 0 means never. */
    expires_at: z.optional(z.number()),
    data_access_expires_at: z.optional(z.number()),
    is_valid: z.boolean(),
    issued_at: z.optional(z.number()),
    scopes: z._default(z.array(z.string()), []),
    granular_scopes: z._default(
      z.array(z.looseObject({ scope: z.string(), target_ids: z.optional(z.array(graphId)) })),
      []
    ),
    user_id: z.optional(graphId),
    error: z.optional(
      z.looseObject({ code: z.optional(z.number()), message: z.optional(z.string()) })
    ),
  }),
});

const me = z.looseObject({ id: graphId, name: z.optional(z.string()) });

const permission = z.looseObject({ permission: z.string(), status: z.string() });
const permissions = listOf(permission);

// Pages

/** An item of `/me/accounts`: a Page the user can act on, with its Page token. */
const pageAccount = z.looseObject({
  id: graphId,
  name: z.string(),
  access_token: z.optional(z.string()),
  category: z.optional(z.string()),
});

const location = z.looseObject({
  street: z.optional(z.string()),
  city: z.optional(z.string()),
  state: z.optional(z.string()),
  zip: z.optional(z.string()),
  country: z.optional(z.string()),
  latitude: z.optional(z.number()),
  longitude: z.optional(z.number()),
});

/** A Page node; which fields are present depends on the `fields` asked for. */
const page = z.looseObject({
  id: graphId,
  name: z.optional(z.string()),
  about: z.optional(z.string()),
  description: z.optional(z.string()),
  emails: z.optional(z.array(z.string())),
  website: z.optional(z.string()),
  phone: z.optional(z.string()),
  single_line_address: z.optional(z.string()),
  location: z.optional(location),
  category: z.optional(z.string()),
  category_list: z.optional(z.array(z.looseObject({ id: graphId, name: z.string() }))),
  hours: z.optional(z.record(z.string(), z.string())),
  access_token: z.optional(z.string()),
  updated_time: z.optional(z.string()),
  is_webhooks_subscribed: z.optional(z.boolean()),
  // Meta's own Page <-> WhatsApp number link (codegen Page.json).
  whatsapp_number: z.optional(z.string()),
  has_whatsapp_number: z.optional(z.boolean()),
  has_whatsapp_business_number: z.optional(z.boolean()),
});

/** Meta's Page <-> number link fields of a Page answer, as core reads them (absent ones left out). */
const toPageWhatsAppRead = (page: {
  whatsapp_number?: string | undefined;
  has_whatsapp_number?: boolean | undefined;
  has_whatsapp_business_number?: boolean | undefined;
}): PageWhatsAppRead => ({
  answered: true,
  ...(page.whatsapp_number !== undefined ? { whatsappNumber: page.whatsapp_number } : {}),
  ...(page.has_whatsapp_number !== undefined
    ? { hasWhatsAppNumber: page.has_whatsapp_number }
    : {}),
  ...(page.has_whatsapp_business_number !== undefined
    ? { hasWhatsAppBusinessNumber: page.has_whatsapp_business_number }
    : {}),
});

/**
 * `POST /{page-id}/page_whatsapp_number_verification`: the Page reference documents
 * `{error_message, verification_status, whatsapp_number_type, whatsapp_display_number}`; the codegen
 * spec says it returns the Page. Every field is optional: Tandem decides by reading the Page again.
 */
const numberVerification = z.looseObject({
  verification_status: z.optional(z.string()),
  error_message: z.optional(z.nullable(z.string())),
  whatsapp_number_type: z.optional(z.string()),
  whatsapp_display_number: z.optional(z.string()),
  success: z.optional(z.boolean()),
});

/** `/{page-id}/picture?redirect=0`. */
const pagePicture = z.looseObject({
  data: z.looseObject({
    url: z.string().check(z.minLength(1)),
    is_silhouette: z.optional(z.boolean()),
    width: z.optional(z.number()),
    height: z.optional(z.number()),
  }),
});

// Marketing

/** An item of `/me/adaccounts`. */
const adAccountSummary = z.looseObject({
  id: z.string().check(z.startsWith('act_')),
  account_id: z.optional(graphId),
  name: z.optional(z.string()),
  currency: z.optional(z.string()),
  account_status: z.optional(z.coerce.number().check(z.int())),
});

// WhatsApp

const business = z.looseObject({ id: graphId, name: z.optional(z.string()) });

/** `WhatsAppBusinessAccount` (the fields Tandem asks for). */
const waba = z.looseObject({
  id: graphId,
  name: z.optional(z.string()),
  currency: z.optional(z.string()),
  timezone_id: z.optional(z.string()),
  account_review_status: z.optional(z.string()),
  ownership_type: z.optional(z.string()),
});

/** `WhatsAppBusinessAccountPhoneNumber`. */
const phoneNumber = z.looseObject({
  id: graphId,
  display_phone_number: z.optional(z.string()),
  verified_name: z.optional(z.string()),
  status: z.optional(z.string()),
  quality_rating: z.optional(z.string()),
  code_verification_status: z.optional(z.string()),
  name_status: z.optional(z.string()),
  account_mode: z.optional(z.string()),
  is_official_business_account: z.optional(z.boolean()),
});

/**
 * A business profile as read. Reads are lenient (no length limits, any vertical) because Meta may
 * return legacy values such as `UNDEFINED` or profiles edited before today's limits; writes are strict.
 */
const businessProfile = z.looseObject({
  messaging_product: z.optional(z.literal('whatsapp')),
  about: z.optional(z.string()),
  address: z.optional(z.string()),
  description: z.optional(z.string()),
  email: z.optional(z.string()),
  profile_picture_url: z.optional(z.string()),
  websites: z.optional(z.array(z.string())),
  vertical: z.optional(z.string()),
});

/**
 * The profile GET in either shape: the docs put the fields in `data[0]`, the OpenAPI spec nests them
 * under `data[0].business_profile`. Both normalise to the flat profile.
 */
const profileItem = z.union([
  // Spec shape first: the docs shape's all-optional fields would also accept the wrapper.
  z.pipe(
    z.looseObject({ business_profile: businessProfile }),
    z.transform((item) => item.business_profile)
  ),
  businessProfile,
]);
const businessProfileResponse = z.pipe(
  z.looseObject({ data: z.tuple([profileItem], profileItem) }),
  z.transform(({ data: [first] }) => first)
);

/** Spec limits (`WhatsAppBusinessProfileUpdateRequest`); description uses the stricter spec 256. */
const httpUrl = z
  .string()
  .check(z.maxLength(256), z.regex(/^https?:\/\//, 'must start with http:// or https://'));

/** The fields Tandem may write to a business profile; the client adds `messaging_product`. */
const businessProfileUpdate = z.strictObject({
  about: z.optional(z.string().check(z.minLength(1), z.maxLength(139))),
  address: z.optional(z.string().check(z.maxLength(256))),
  description: z.optional(z.string().check(z.maxLength(256))),
  // `format: email` in Meta's spec: an empty string is not an address, so it is never sent.
  email: z.optional(z.email().check(z.maxLength(128))),
  websites: z.optional(z.array(httpUrl).check(z.maxLength(2))),
  vertical: z.optional(z.enum(WHATSAPP_VERTICALS)),
  profile_picture_handle: z.optional(z.string().check(z.minLength(1))),
});

/**
 * `GET /{phone-number-id}?fields=health_status` (codegen WhatsAppBusinessHealthStatusForMessageSend
 * and WhatsAppBusinessHealthStatus; https://developers.facebook.com/documentation/business-messaging/whatsapp/support/health-status).
 * The names inside `errors` are not in either artifact (`list<Object>`): read leniently.
 */
const healthStatus = z.looseObject({
  health_status: z.looseObject({
    can_send_message: z.string(),
    entities: z._default(
      z.array(
        z.looseObject({
          entity_type: z._default(z.string(), 'UNKNOWN'),
          id: z._default(graphId, ''),
          can_send_message: z._default(z.string(), 'AVAILABLE'),
          additional_info: z.catch(z._default(z.array(z.string()), []), []),
          errors: z.catch(
            z._default(
              z.array(
                z.looseObject({
                  error_code: z.optional(z.union([z.string(), z.number()])),
                  error_description: z.optional(z.string()),
                  possible_solution: z.optional(z.string()),
                })
              ),
              []
            ),
            []
          ),
        })
      ),
      []
    ),
  }),
});

/** The health answer in the core's terms. */
const toHealthRead = (answer: z.output<typeof healthStatus>): HealthRead => ({
  canSendMessage: answer.health_status.can_send_message,
  entities: answer.health_status.entities.map((entity) => ({
    entityType: entity.entity_type,
    entityId: entity.id,
    canSendMessage: entity.can_send_message,
    additionalInfo: entity.additional_info,
    errors: entity.errors.map((error) => ({
      ...(error.error_code !== undefined ? { code: String(error.error_code) } : {}),
      ...(error.error_description ? { description: error.error_description } : {}),
      ...(error.possible_solution ? { solution: error.possible_solution } : {}),
    })),
  })),
});

// Resumable upload

const uploadSession = z.looseObject({ id: z.string().check(z.startsWith('upload:')) });
const uploadResult = z.looseObject({ h: z.string().check(z.minLength(1)) });
const uploadStatus = z.looseObject({
  id: z.optional(z.string()),
  file_offset: z.coerce.number().check(z.int(), z.nonnegative()),
});

// Batch

/** One item of a batch response; null when Meta timed the item out. */
const batchItem = z.nullable(
  z.looseObject({
    code: z.number().check(z.int()),
    headers: z.optional(z.array(z.looseObject({ name: z.string(), value: z.string() }))),
    body: z.optional(z.nullable(z.string())),
  })
);
const batchResponse = z.array(batchItem);

type AccessToken = z.output<typeof accessToken>;
type AdAccountSummary = z.output<typeof adAccountSummary>;
type DebugToken = z.output<typeof debugToken>['data'];
type Me = z.output<typeof me>;
type Permission = z.output<typeof permission>;
type PageAccount = z.output<typeof pageAccount>;
type Page = z.output<typeof page>;
type PagePicture = z.output<typeof pagePicture>['data'];
type Business = z.output<typeof business>;
type Waba = z.output<typeof waba>;
type PhoneNumber = z.output<typeof phoneNumber>;
type BusinessProfile = z.output<typeof businessProfile>;
type BusinessProfileUpdate = z.input<typeof businessProfileUpdate>;

export type {
  AccessToken,
  AdAccountSummary,
  Business,
  BusinessProfile,
  BusinessProfileUpdate,
  DebugToken,
  Me,
  Page,
  PageAccount,
  PagePicture,
  Permission,
  PhoneNumber,
  Waba,
};
export {
  accessToken,
  adAccountSummary,
  batchItem,
  batchResponse,
  business,
  businessProfile,
  businessProfileResponse,
  businessProfileUpdate,
  debugToken,
  graphId,
  healthStatus,
  listOf,
  me,
  numberVerification,
  page,
  pageAccount,
  pagePicture,
  permissions,
  phoneNumber,
  success,
  toHealthRead,
  toPageWhatsAppRead,
  uploadResult,
  uploadSession,
  uploadStatus,
  waba,
};
