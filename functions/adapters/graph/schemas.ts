import * as z from 'zod';
import { WHATSAPP_VERTICALS } from '../../core/sync/verticals.js';

/**
 * zod schemas for every Graph response Tandem reads, matching Meta's documented shapes (and the
 * WhatsApp OpenAPI spec). Objects are loose: Meta adds fields without notice, and a new field must
 * not break a sync. Fields Tandem relies on are required; the rest optional.
 */

/** Graph ids are numeric strings; some endpoints return numbers. */
const graphId = z.union([z.string().min(1), z.number().int().transform(String)]);

/** Cursor paging (`CursorPaging` in the spec). */
const paging = z
  .object({
    cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
    next: z.string().optional(),
    previous: z.string().optional(),
  })
  .optional();

/** A `{ data: [...], paging }` list of `item`. */
const listOf = <S extends z.ZodType>(item: S) => z.looseObject({ data: z.array(item), paging });

/** `{"success": true}`; older endpoints answer a bare `true`. */
const success = z
  .union([z.boolean(), z.looseObject({ success: z.boolean() })])
  .transform((value) => (typeof value === 'boolean' ? value : value.success));

// OAuth

/** `/oauth/access_token` (code exchange and fb_exchange_token). */
const accessToken = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  /** Seconds; absent for tokens that do not expire. */
  expires_in: z.number().optional(),
});

/** `/debug_token` `data`. */
const debugToken = z.looseObject({
  data: z.looseObject({
    app_id: graphId,
    type: z.string().optional(),
    application: z.string().optional(),
    /** Unix seconds; 0 means never. */
    expires_at: z.number().optional(),
    data_access_expires_at: z.number().optional(),
    is_valid: z.boolean(),
    issued_at: z.number().optional(),
    scopes: z.array(z.string()).default([]),
    granular_scopes: z
      .array(z.looseObject({ scope: z.string(), target_ids: z.array(graphId).optional() }))
      .default([]),
    user_id: graphId.optional(),
    error: z
      .looseObject({ code: z.number().optional(), message: z.string().optional() })
      .optional(),
  }),
});

const me = z.looseObject({ id: graphId, name: z.string().optional() });

const permission = z.looseObject({ permission: z.string(), status: z.string() });
const permissions = listOf(permission);

// Pages

/** An item of `/me/accounts`: a Page the user can act on, with its Page token. */
const pageAccount = z.looseObject({
  id: graphId,
  name: z.string(),
  access_token: z.string().optional(),
  category: z.string().optional(),
  tasks: z.array(z.string()).optional(),
});

const location = z.looseObject({
  street: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  zip: z.string().optional(),
  country: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
});

/** A Page node; which fields are present depends on the `fields` asked for. */
const page = z.looseObject({
  id: graphId,
  name: z.string().optional(),
  about: z.string().optional(),
  description: z.string().optional(),
  emails: z.array(z.string()).optional(),
  website: z.string().optional(),
  phone: z.string().optional(),
  single_line_address: z.string().optional(),
  location: location.optional(),
  category: z.string().optional(),
  category_list: z.array(z.looseObject({ id: graphId, name: z.string() })).optional(),
  hours: z.record(z.string(), z.string()).optional(),
  access_token: z.string().optional(),
  updated_time: z.string().optional(),
});

/** `/{page-id}/picture?redirect=0`. */
const pagePicture = z.looseObject({
  data: z.looseObject({
    url: z.string().min(1),
    is_silhouette: z.boolean().optional(),
    width: z.number().optional(),
    height: z.number().optional(),
  }),
});

// WhatsApp

const business = z.looseObject({ id: graphId, name: z.string().optional() });

/** `WhatsAppBusinessAccount` (the fields Tandem asks for). */
const waba = z.looseObject({
  id: graphId,
  name: z.string().optional(),
  currency: z.string().optional(),
  timezone_id: z.string().optional(),
  account_review_status: z.string().optional(),
  ownership_type: z.string().optional(),
});

/** `WhatsAppBusinessAccountPhoneNumber`. */
const phoneNumber = z.looseObject({
  id: graphId,
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  status: z.string().optional(),
  quality_rating: z.string().optional(),
  code_verification_status: z.string().optional(),
  name_status: z.string().optional(),
  account_mode: z.string().optional(),
  messaging_limit_tier: z.string().optional(),
  is_official_business_account: z.boolean().optional(),
});

/**
 * A business profile as read. Reads are lenient (no length limits, any vertical) because Meta may
 * return legacy values such as `UNDEFINED` or profiles edited before today's limits; writes are strict.
 */
const businessProfile = z.looseObject({
  messaging_product: z.literal('whatsapp').optional(),
  about: z.string().optional(),
  address: z.string().optional(),
  description: z.string().optional(),
  email: z.string().optional(),
  profile_picture_url: z.string().optional(),
  websites: z.array(z.string()).optional(),
  vertical: z.string().optional(),
});

/**
 * The profile GET in either shape: the docs put the fields in `data[0]`, the OpenAPI spec nests them
 * under `data[0].business_profile`. Both normalise to the flat profile.
 */
const profileItem = z.union([
  // Spec shape first: the docs shape's all-optional fields would also accept the wrapper.
  z.looseObject({ business_profile: businessProfile }).transform((item) => item.business_profile),
  businessProfile,
]);
const businessProfileResponse = z
  .looseObject({ data: z.tuple([profileItem], profileItem) })
  .transform(({ data: [first] }) => first);

/** Spec limits (`WhatsAppBusinessProfileUpdateRequest`); description uses the stricter spec 256. */
const httpUrl = z
  .string()
  .max(256)
  .regex(/^https?:\/\//, 'must start with http:// or https://');

/** The fields Tandem may write to a business profile; the client adds `messaging_product`. */
const businessProfileUpdate = z.strictObject({
  about: z.string().min(1).max(139).optional(),
  address: z.string().max(256).optional(),
  description: z.string().max(256).optional(),
  email: z.union([z.email().max(128), z.literal('')]).optional(),
  websites: z.array(httpUrl).max(2).optional(),
  vertical: z.enum(WHATSAPP_VERTICALS).optional(),
  profile_picture_handle: z.string().min(1).optional(),
});

// Resumable upload

const uploadSession = z.looseObject({ id: z.string().startsWith('upload:') });
const uploadResult = z.looseObject({ h: z.string().min(1) });
const uploadStatus = z.looseObject({
  id: z.string().optional(),
  file_offset: z.coerce.number().int().nonnegative(),
});

// Batch

/** One item of a batch response; null when Meta timed the item out. */
const batchItem = z
  .looseObject({
    code: z.number().int(),
    headers: z.array(z.looseObject({ name: z.string(), value: z.string() })).optional(),
    body: z.string().nullable().optional(),
  })
  .nullable();
const batchResponse = z.array(batchItem);

type AccessToken = z.output<typeof accessToken>;
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
  batchItem,
  batchResponse,
  business,
  businessProfile,
  businessProfileResponse,
  businessProfileUpdate,
  debugToken,
  graphId,
  listOf,
  me,
  page,
  pageAccount,
  pagePicture,
  permissions,
  phoneNumber,
  success,
  uploadResult,
  uploadSession,
  uploadStatus,
  waba,
};
