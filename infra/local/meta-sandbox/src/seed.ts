import type { Page, PageTask, PhoneNumber, Store, WhatsAppProfile } from './store.js';

/**
 * The demo business every local run and integration test starts from. Ids are fixed so tests, docs and
 * the local runtime can name them; objects created later get counter ids with a 9 in second place.
 */
const DEMO = {
  userId: '100000000000001',
  userName: 'Demo Owner',
  businessId: '200000000000001',
  businessName: 'Demo Bakery Ltd',
  pageId: '300000000000001',
  pageName: 'Demo Bakery',
  annexPageId: '300000000000002',
  annexPageName: 'Demo Bakery Annex',
  wabaId: '400000000000001',
  phoneNumberIdA: '500000000000001',
  phoneNumberIdB: '500000000000002',
  displayPhoneNumberA: '+1 555-010-0001',
  displayPhoneNumberB: '+1 555-010-0002',
  /** The Page's linked WhatsApp number as the Page node reports it. */
  pageWhatsappNumber: '15550100001',
  adAccountId: 'act_600000000000001',
  /** The app's saved Facebook Login for Business configuration (every permission Tandem asks for). */
  loginConfigId: '900000000000001',
  /** The second configuration, asked for only when a tenant turns story consent on. */
  storiesLoginConfigId: '900000000000002',
  /** The demo Page's Instagram professional account. */
  instagramAccountId: '800000000000001',
  /** The app's own system user, administrator of the app: it opens Resumable Upload sessions. */
  systemUserId: '100000000000900',
} as const;

/** What the demo login configuration grants: everything Tandem's README asks the operator for. */
const DEMO_LOGIN_PERMISSIONS: string[] = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_metadata',
  'business_management',
  'whatsapp_business_management',
  'ads_management',
  'ads_read',
  'pages_manage_ads',
];

/** The stories configuration: linking's permissions plus what publishing stories needs. */
const DEMO_STORIES_LOGIN_PERMISSIONS: string[] = [
  ...DEMO_LOGIN_PERMISSIONS,
  'pages_manage_posts',
  'instagram_basic',
  'instagram_content_publish',
];

/** Connects an Instagram professional account to a Page. */
const connectInstagram = (store: Store, pageId: string, igUserId: string, username: string) => {
  store.igUsers.set(igUserId, { id: igUserId, pageId, username, published: [] });
  const page = store.pages.get(pageId);
  if (page) page.instagramAccountId = igUserId;
};

const ALL_TASKS: PageTask[] = [
  'ADVERTISE',
  'ANALYZE',
  'CREATE_CONTENT',
  'MESSAGING',
  'MODERATE',
  'MANAGE',
];

const newPage = (id: string, name: string, ownerId: string, extra: Partial<Page> = {}): Page => ({
  id,
  name,
  category: 'Bakery',
  categoryList: [{ id: '197871390225897', name: 'Bakery' }],
  emails: [],
  hours: {},
  pictureVersion: 1,
  roles: new Map([[ownerId, ALL_TASKS]]),
  subscribedFields: [],
  ...extra,
});

const newPhone = (
  id: string,
  wabaId: string,
  display: string,
  verifiedName: string,
  profile: WhatsAppProfile
): PhoneNumber => ({
  id,
  wabaId,
  displayPhoneNumber: display,
  verifiedName,
  countryCode: 'US',
  countryDialCode: '1',
  profile,
});

const WEEKDAY_HOURS: Record<string, string> = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].flatMap((day) => [
    [`${day}_1_open`, '07:00'],
    [`${day}_1_close`, day === 'sat' ? '14:00' : '18:00'],
  ])
);

const seedDemoPages = (store: Store): void => {
  store.pages.set(
    DEMO.pageId,
    newPage(DEMO.pageId, DEMO.pageName, DEMO.userId, {
      about: 'Fresh bread and cakes, baked every morning in Springfield.',
      description:
        'Demo Bakery is a family bakery baking sourdough, pastries and celebration cakes since 1998. Order ahead for birthdays and weddings.',
      emails: ['hello@demobakery.example'],
      website: 'https://demobakery.example',
      phone: '+1 555-010-0001',
      hours: WEEKDAY_HOURS,
      singleLineAddress: '12 Baker Street, Springfield, IL 62701',
      location: {
        street: '12 Baker Street',
        city: 'Springfield',
        state: 'IL',
        country: 'United States',
        zip: '62701',
        latitude: 39.7817,
        longitude: -89.6501,
      },
      whatsappNumber: DEMO.pageWhatsappNumber,
    })
  );
  store.pages.set(
    DEMO.annexPageId,
    newPage(DEMO.annexPageId, DEMO.annexPageName, DEMO.userId, {
      about: 'Our second shop, by the station.',
      emails: ['annex@demobakery.example'],
      website: 'https://demobakery.example/annex',
    })
  );
  // The annex has no Instagram account: a Page without one is the refusal case.
  connectInstagram(store, DEMO.pageId, DEMO.instagramAccountId, 'demobakery');
};

const seedDemoWhatsApp = (store: Store): void => {
  store.businesses.set(DEMO.businessId, {
    id: DEMO.businessId,
    name: DEMO.businessName,
    ownedWabaIds: [DEMO.wabaId],
    clientWabaIds: [],
  });
  store.wabas.set(DEMO.wabaId, {
    id: DEMO.wabaId,
    name: 'Demo Bakery WhatsApp',
    ownerBusinessId: DEMO.businessId,
    currency: 'USD',
    timezoneId: '1',
    phoneNumberIds: [DEMO.phoneNumberIdA, DEMO.phoneNumberIdB],
    clientBusinessIds: [],
  });
  store.phoneNumbers.set(
    DEMO.phoneNumberIdA,
    newPhone(DEMO.phoneNumberIdA, DEMO.wabaId, DEMO.displayPhoneNumberA, 'Demo Bakery', {
      about: 'Baked fresh daily',
      address: '12 Baker Street, Springfield, IL 62701',
      description: 'Family bakery in Springfield.',
      email: 'hello@demobakery.example',
      websites: ['https://demobakery.example'],
      vertical: 'RESTAURANT',
    })
  );
  store.phoneNumbers.set(
    DEMO.phoneNumberIdB,
    newPhone(DEMO.phoneNumberIdB, DEMO.wabaId, DEMO.displayPhoneNumberB, 'Demo Bakery Annex', {
      about: 'Hey there! I am using WhatsApp.',
      vertical: 'OTHER',
    })
  );
};

/**
 * The app's side of the world: its login configuration, and its system user (an administrator of
 * the app) with a token that does not expire, as Business Manager issues them.
 */
const seedApp = (store: Store, systemUserToken: string): void => {
  store.loginConfigurations.set(DEMO.loginConfigId, {
    id: DEMO.loginConfigId,
    name: 'Tandem (Facebook Login for Business)',
    permissions: [...DEMO_LOGIN_PERMISSIONS],
  });
  store.loginConfigurations.set(DEMO.storiesLoginConfigId, {
    id: DEMO.storiesLoginConfigId,
    name: 'Tandem stories (Facebook Login for Business)',
    permissions: [...DEMO_STORIES_LOGIN_PERMISSIONS],
  });
  store.users.set(DEMO.systemUserId, {
    id: DEMO.systemUserId,
    name: 'Tandem System User',
    pageIds: [],
    businessIds: [],
    adAccountIds: [],
  });
  store.appRoles.set(DEMO.systemUserId, 'administrator');
  store.grants.set(DEMO.systemUserId, {
    userId: DEMO.systemUserId,
    authorized: true,
    permissions: new Map([
      ['business_management', 'granted'],
      ['whatsapp_business_management', 'granted'],
    ]),
  });
  store.tokens.set(systemUserToken, {
    value: systemUserToken,
    kind: 'USER',
    userId: DEMO.systemUserId,
    issuedAt: Math.floor(Date.now() / 1000),
    expiresAt: 0,
    longLived: true,
  });
};

/** Empties the store's world and puts the demo business back. */
const seedDemo = (store: Store): void => {
  store.users.set(DEMO.userId, {
    id: DEMO.userId,
    name: DEMO.userName,
    pageIds: [DEMO.pageId, DEMO.annexPageId],
    businessIds: [DEMO.businessId],
    adAccountIds: [DEMO.adAccountId],
  });
  seedDemoPages(store);
  seedDemoWhatsApp(store);
  store.adAccounts.set(DEMO.adAccountId, {
    id: DEMO.adAccountId,
    accountId: DEMO.adAccountId.slice('act_'.length),
    name: 'Demo Bakery Ads',
    currency: 'USD',
    accountStatus: 1,
    userIds: [DEMO.userId],
    images: new Map(),
  });
};

interface NewUserInput {
  name?: string;
  pages?: number;
  phoneNumbers?: number;
  /** Link the first Page to the first number on Meta's side (default true). */
  linkFirstPage?: boolean;
  adAccount?: boolean;
  /** The WABA is billed through a partner's credit line (its pricing analytics carry no cost). */
  partnerCreditLine?: boolean;
  /** Connect an Instagram professional account to each Page (default true). */
  instagram?: boolean;
}

interface NewUserIds {
  userId: string;
  businessId: string;
  pageIds: string[];
  wabaId: string;
  phoneNumberIds: string[];
  adAccountId?: string;
}

const displayNumberFor = (id: string): string => {
  const digits = id.slice(-7);
  return `+1 555-${digits.slice(0, 3)}-${digits.slice(3)}`;
};

/** E.164 digits of a display number, the form a Page's `whatsapp_number` takes. */
const digitsOf = (display: string): string => display.replace(/\D/g, '');

/** Another Meta user with their own business, Pages, WABA and numbers (cross-tenant tests). */
const createUser = (store: Store, input: NewUserInput): NewUserIds => {
  const userId = store.newId('1');
  const businessId = store.newId('2');
  const wabaId = store.newId('4');
  const name = input.name ?? `Sandbox User ${userId.slice(-4)}`;
  const phoneNumberIds = Array.from({ length: input.phoneNumbers ?? 1 }, () => store.newId('5'));
  const phones = phoneNumberIds.map((id) =>
    newPhone(id, wabaId, displayNumberFor(id), `${name} Business`, { about: 'Available' })
  );
  const pageIds = Array.from({ length: input.pages ?? 1 }, (_, index) => {
    const id = store.newId('3');
    const first = phones[0];
    const linked = index === 0 && (input.linkFirstPage ?? true) && first !== undefined;
    store.pages.set(
      id,
      newPage(id, `${name} Page ${index + 1}`, userId, {
        about: `${name}'s page`,
        ...(linked ? { whatsappNumber: digitsOf(first.displayPhoneNumber) } : {}),
      })
    );
    if (input.instagram ?? true)
      connectInstagram(store, id, store.newId('8'), `ig_${id.slice(-6)}`);
    return id;
  });
  for (const phone of phones) store.phoneNumbers.set(phone.id, phone);
  store.businesses.set(businessId, {
    id: businessId,
    name: `${name} Business`,
    ownedWabaIds: [wabaId],
    clientWabaIds: [],
  });
  store.wabas.set(wabaId, {
    id: wabaId,
    name: `${name} WhatsApp`,
    ownerBusinessId: businessId,
    currency: 'USD',
    timezoneId: '1',
    phoneNumberIds,
    clientBusinessIds: [],
    ...(input.partnerCreditLine ? { partnerCreditLine: true } : {}),
  });
  const adAccountId = input.adAccount === false ? undefined : `act_${store.newId('6')}`;
  if (adAccountId) {
    store.adAccounts.set(adAccountId, {
      id: adAccountId,
      accountId: adAccountId.slice(4),
      name: `${name} Ads`,
      currency: 'USD',
      accountStatus: 1,
      userIds: [userId],
      images: new Map(),
    });
  }
  store.users.set(userId, {
    id: userId,
    name,
    pageIds,
    businessIds: [businessId],
    adAccountIds: adAccountId ? [adAccountId] : [],
  });
  return {
    userId,
    businessId,
    pageIds,
    wabaId,
    phoneNumberIds,
    ...(adAccountId ? { adAccountId } : {}),
  };
};

interface BulkLink {
  pageId: string;
  wabaId: string;
  phoneNumberId: string;
}

/**
 * N more Page + WABA + number sets, each Page linked to its number on Meta's side, all reachable by
 * one user. Built for a 100,000-link benchmark: no logging, no pictures rendered up front. A caller
 * standing in for Tandem's own linking passes `subscribedFields`: the Page webhook fields Tandem
 * subscribes a linked Page to, without which Meta delivers it no webhooks.
 */
const seedBulk = (
  store: Store,
  count: number,
  userId: string = DEMO.userId,
  subscribedFields: readonly string[] = []
): BulkLink[] => {
  const user = store.users.get(userId);
  const businessId = user?.businessIds[0];
  const business = businessId ? store.businesses.get(businessId) : undefined;
  if (!user || !business) throw new Error(`Unknown user ${userId} or user without a business`);
  const links: BulkLink[] = [];
  for (let index = 0; index < count; index += 1) {
    const pageId = store.newId('3');
    const wabaId = store.newId('4');
    const phoneNumberId = store.newId('5');
    const display = displayNumberFor(phoneNumberId);
    const name = `Bulk Business ${pageId.slice(-6)}`;
    store.pages.set(
      pageId,
      newPage(pageId, name, userId, {
        about: `${name} page`,
        whatsappNumber: digitsOf(display),
        subscribedFields: [...subscribedFields],
      })
    );
    store.phoneNumbers.set(
      phoneNumberId,
      newPhone(phoneNumberId, wabaId, display, name, { about: 'Available' })
    );
    store.wabas.set(wabaId, {
      id: wabaId,
      name: `${name} WhatsApp`,
      ownerBusinessId: business.id,
      currency: 'USD',
      timezoneId: '1',
      phoneNumberIds: [phoneNumberId],
      clientBusinessIds: [],
    });
    business.ownedWabaIds.push(wabaId);
    user.pageIds.push(pageId);
    links.push({ pageId, wabaId, phoneNumberId });
  }
  return links;
};

export type { BulkLink, NewUserIds, NewUserInput };
export {
  createUser,
  DEMO,
  DEMO_LOGIN_PERMISSIONS,
  DEMO_STORIES_LOGIN_PERMISSIONS,
  digitsOf,
  displayNumberFor,
  seedApp,
  seedBulk,
  seedDemo,
};
