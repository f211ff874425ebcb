import { ValidationError } from '../../core/errors.js';
import type * as z from '../../core/zod.js';
import type { GraphHttp, GraphResult } from './http.js';
import { collectPages } from './paging.js';
import {
  type Business,
  type BusinessProfile,
  type BusinessProfileUpdate,
  business,
  businessProfileResponse,
  businessProfileUpdate,
  healthStatus,
  type PhoneNumber,
  phoneNumber,
  success,
  type Waba,
  waba,
} from './schemas.js';

/** WhatsApp Business Management: businesses, WABAs, phone numbers and the business profile. */

/** A WABA and how the business holds it. */
type WabaWithRelation = Waba & { relation: 'owned' | 'client' };

/**
 * Fields of a number as the WABA's phone_numbers edge answers them (the spec's
 * WhatsAppBusinessAccountPhoneNumber). `name_status` is not among them, and `messaging_limit_tier`
 * is deprecated for the portfolio's limit (https://developers.facebook.com/docs/whatsapp/messaging-limits).
 */
const PHONE_FIELDS = [
  'id',
  'display_phone_number',
  'verified_name',
  'status',
  'quality_rating',
  'code_verification_status',
  'account_mode',
].join(',');

/** Fields of the number node itself (the spec's PhoneNumberInfo), `name_status` among them. */
const PHONE_NODE_FIELDS = [
  'id',
  'display_phone_number',
  'verified_name',
  'quality_rating',
  'code_verification_status',
  'name_status',
].join(',');

const PROFILE_FIELDS = [
  'about',
  'address',
  'description',
  'email',
  'profile_picture_url',
  'websites',
  'vertical',
].join(',');

interface WhatsAppOperations {
  /** Business portfolios the user can see. */
  listBusinesses(token: string): Promise<GraphResult<Business[]>>;
  /** WABAs a business owns and WABAs its clients shared with it. */
  listWabas(token: string, businessId: string): Promise<GraphResult<WabaWithRelation[]>>;
  /** Phone numbers of a WABA, following cursors. */
  listPhoneNumbers(token: string, wabaId: string): Promise<GraphResult<PhoneNumber[]>>;
  /** One phone number node. */
  getPhoneNumber(token: string, phoneNumberId: string): Promise<GraphResult<PhoneNumber>>;
  /** The business profile, normalised from either the docs or the spec shape. */
  getBusinessProfile(token: string, phoneNumberId: string): Promise<GraphResult<BusinessProfile>>;
  /**
   * Writes the given profile fields (only those sent change). Validated against the spec's limits
   * before sending; retried on Meta's transient errors because it overwrites, so repeating it is
   * harmless, but never after a timeout or a lost connection (`isUnanswered`): Meta may still apply
   * the first, after a newer write.
   */
  updateBusinessProfile(
    token: string,
    phoneNumberId: string,
    fields: BusinessProfileUpdate
  ): Promise<GraphResult<boolean>>;
  /**
   * The number's messaging health: `health_status` of the number node, which answers for every node
   * a message goes through (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/health-status).
   */
  getHealthStatus(
    token: string,
    phoneNumberId: string
  ): Promise<GraphResult<z.output<typeof healthStatus>>>;
  /**
   * Subscribes the app to the WABA's webhooks, at the app's callback (no override): spec
   * `POST /{WABA-ID}/subscribed_apps`, body optional. Setting it twice is the same as once.
   */
  subscribeWaba(token: string, wabaId: string): Promise<GraphResult<boolean>>;
  /** Removes the app's subscription to the WABA's webhooks (spec `DELETE /{WABA-ID}/subscribed_apps`). */
  unsubscribeWaba(token: string, wabaId: string): Promise<GraphResult<boolean>>;
}

const issuesOf = (error: z.core.$ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

/** Creates the WhatsApp operations. */
const createWhatsApp = (http: GraphHttp): WhatsAppOperations => {
  const listWabaEdge = async (
    token: string,
    businessId: string,
    relation: WabaWithRelation['relation']
  ): Promise<GraphResult<WabaWithRelation[]>> => {
    const result = await collectPages(
      http,
      {
        method: 'GET',
        path: `${encodeURIComponent(businessId)}/${relation}_whatsapp_business_accounts`,
        token,
        query: { fields: 'id,name,currency,timezone_id,account_review_status', limit: 100 },
      },
      waba
    );
    return { data: result.data.map((item) => ({ ...item, relation })), usage: result.usage };
  };

  return {
    listBusinesses: (token) =>
      collectPages(
        http,
        { method: 'GET', path: 'me/businesses', token, query: { fields: 'id,name', limit: 100 } },
        business
      ),

    listWabas: async (token, businessId) => {
      const [owned, client] = await Promise.all([
        listWabaEdge(token, businessId, 'owned'),
        listWabaEdge(token, businessId, 'client'),
      ]);
      return { data: [...owned.data, ...client.data], usage: client.usage };
    },

    listPhoneNumbers: (token, wabaId) =>
      collectPages(
        http,
        {
          method: 'GET',
          path: `${encodeURIComponent(wabaId)}/phone_numbers`,
          token,
          query: { fields: PHONE_FIELDS, limit: 100 },
        },
        phoneNumber
      ),

    getPhoneNumber: (token, phoneNumberId) =>
      http.request(
        {
          method: 'GET',
          path: encodeURIComponent(phoneNumberId),
          token,
          query: { fields: PHONE_NODE_FIELDS },
          // The path alone reads like a Page's.
          surfaces: ['whatsapp'],
        },
        phoneNumber
      ),

    getBusinessProfile: (token, phoneNumberId) =>
      http.request(
        {
          method: 'GET',
          path: `${encodeURIComponent(phoneNumberId)}/whatsapp_business_profile`,
          token,
          query: { fields: PROFILE_FIELDS },
        },
        businessProfileResponse
      ),

    getHealthStatus: (token, phoneNumberId) =>
      http.request(
        {
          method: 'GET',
          path: encodeURIComponent(phoneNumberId),
          token,
          query: { fields: 'health_status' },
        },
        healthStatus
      ),

    subscribeWaba: (token, wabaId) =>
      http.request(
        {
          method: 'POST',
          path: `${encodeURIComponent(wabaId)}/subscribed_apps`,
          token,
          idempotent: true,
        },
        success
      ),

    unsubscribeWaba: (token, wabaId) =>
      http.request(
        { method: 'DELETE', path: `${encodeURIComponent(wabaId)}/subscribed_apps`, token },
        success
      ),

    updateBusinessProfile: (token, phoneNumberId, fields) => {
      const parsed = businessProfileUpdate.safeParse(fields);
      if (!parsed.success) {
        return Promise.reject(
          new ValidationError(
            'The WhatsApp business profile update breaks WhatsApp limits.',
            { issues: issuesOf(parsed.error) },
            'whatsapp_profile_invalid'
          )
        );
      }
      return http.request(
        {
          method: 'POST',
          path: `${encodeURIComponent(phoneNumberId)}/whatsapp_business_profile`,
          token,
          json: { messaging_product: 'whatsapp', ...parsed.data },
          idempotent: true,
          repeatUnanswered: false,
        },
        success
      );
    },
  };
};

export type { WabaWithRelation, WhatsAppOperations };
export { createWhatsApp, PHONE_FIELDS, PROFILE_FIELDS };
