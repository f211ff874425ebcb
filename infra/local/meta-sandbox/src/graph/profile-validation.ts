import { isRecord } from '../http.js';
import { checkMetaCall, NEWEST_VERSION } from '../meta-spec/index.js';
import type { WhatsAppProfile } from '../store.js';

/**
 * A business-profile update checked as Meta's official OpenAPI spec says
 * (`WhatsAppBusinessProfileUpdateRequest`: lengths, `format: email`, at most 2 `format: uri`
 * websites, the vertical enum), then read into the sandbox's profile. Graph calls are checked before
 * they reach the route; direct edits in the admin API (WhatsApp Manager's stand-in) go through here.
 */

interface ProfileUpdate {
  fields: Partial<Omit<WhatsAppProfile, 'profilePictureUrl'>>;
  pictureHandle?: string;
}

type Check = { ok: true; update: ProfileUpdate } | { ok: false; message: string };

const checkProfileUpdate = (body: unknown): Check => {
  if (!isRecord(body)) return { ok: false, message: 'The request body must be a JSON object' };
  const result = checkMetaCall({
    method: 'POST',
    version: NEWEST_VERSION,
    node: 'WhatsAppBusinessPhoneNumber',
    edge: 'whatsapp_business_profile',
    query: {},
    body: { json: body },
    headers: {},
  });
  const first = result.violations[0];
  if (first) return { ok: false, message: first.message };
  const fields: ProfileUpdate['fields'] = {};
  for (const key of ['about', 'address', 'description', 'email', 'vertical'] as const) {
    const value = body[key];
    if (typeof value === 'string') fields[key] = value;
  }
  if (Array.isArray(body.websites)) fields.websites = body.websites.map(String);
  const handle = body.profile_picture_handle;
  return {
    ok: true,
    update: { fields, ...(typeof handle === 'string' ? { pictureHandle: handle } : {}) },
  };
};

export type { ProfileUpdate };
export { checkProfileUpdate };
