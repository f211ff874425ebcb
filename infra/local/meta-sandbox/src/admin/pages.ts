import * as z from 'zod';
import type { Page } from '../store.js';

/**
 * Admin edits to a Page, as if its owner changed it on Facebook, and the webhook field each edit
 * fires. `about` and `whatsapp_number` fire none: Meta has no webhook field for them.
 */

const pagePatch = z.strictObject({
  name: z.string().min(1).optional(),
  about: z.string().optional(),
  description: z.string().optional(),
  emails: z.array(z.string()).optional(),
  website: z.string().optional(),
  phone: z.string().optional(),
  hours: z.record(z.string(), z.string()).optional(),
  single_line_address: z.string().optional(),
  location: z
    .object({
      street: z.string().optional(),
      city: z.string().optional(),
      state: z.string().optional(),
      country: z.string().optional(),
      zip: z.string().optional(),
      latitude: z.number().optional(),
      longitude: z.number().optional(),
    })
    .optional(),
  category: z.string().optional(),
  /** Digits of the linked number, or null to unlink it. */
  whatsapp_number: z.string().nullable().optional(),
  /** Any value replaces the picture with a new one. */
  picture: z.literal(true).optional(),
  /** null disconnects the Page's Instagram professional account (as in the Page's settings). */
  instagram_account_id: z.null().optional(),
});

type PagePatch = z.infer<typeof pagePatch>;

const WEBHOOK_FIELD: Record<keyof PagePatch, string | undefined> = {
  name: 'name',
  about: undefined,
  description: 'description',
  emails: 'email',
  website: 'website',
  phone: 'phone',
  hours: 'hours',
  single_line_address: 'location',
  location: 'location',
  category: 'category',
  whatsapp_number: undefined,
  picture: 'picture',
  instagram_account_id: undefined,
};

const applyField = (page: Page, key: keyof PagePatch, patch: PagePatch): void => {
  switch (key) {
    case 'name':
      page.name = patch.name ?? page.name;
      return;
    case 'emails':
      page.emails = patch.emails ?? [];
      return;
    case 'hours':
      page.hours = patch.hours ?? {};
      return;
    case 'single_line_address':
      page.singleLineAddress = patch.single_line_address;
      return;
    case 'location':
      page.location = patch.location;
      return;
    case 'category':
      page.category = patch.category ?? page.category;
      page.categoryList = [{ id: '2500', name: page.category }];
      return;
    case 'whatsapp_number':
      if (patch.whatsapp_number === null) delete page.whatsappNumber;
      else if (patch.whatsapp_number !== undefined) page.whatsappNumber = patch.whatsapp_number;
      return;
    case 'picture':
      page.pictureVersion += 1;
      return;
    case 'instagram_account_id':
      delete page.instagramAccountId;
      return;
    default:
      page[key] = patch[key];
  }
};

/** What a Page change webhook carries for a field: the new value, as an `edited` change. */
const changeValue = (
  page: Page,
  field: string,
  key: keyof PagePatch,
  patch: PagePatch
): Record<string, unknown> => ({
  page_id: page.id,
  verb: 'edited',
  ...(field === 'picture' ? {} : { [field]: key === 'emails' ? patch.emails?.[0] : patch[key] }),
});

/** Applies the patch and answers the webhook changes it fires, one per webhook field. */
const applyPagePatch = (
  page: Page,
  patch: PagePatch
): { field: string; value: Record<string, unknown> }[] => {
  const changes = new Map<string, Record<string, unknown>>();
  for (const key of Object.keys(patch) as (keyof PagePatch)[]) {
    applyField(page, key, patch);
    const field = WEBHOOK_FIELD[key];
    if (field) changes.set(field, changeValue(page, field, key, patch));
  }
  return [...changes].map(([field, value]) => ({ field, value }));
};

export type { PagePatch };
export { applyPagePatch, pagePatch };
