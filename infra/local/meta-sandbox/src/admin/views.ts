import type { Page, PhoneNumber, Store } from '../store.js';

/** Plain JSON views of the sandbox's objects for the admin API (Maps do not serialise). */

const pageView = (page: Page) => ({
  id: page.id,
  name: page.name,
  category: page.category,
  about: page.about,
  description: page.description,
  emails: page.emails,
  website: page.website,
  phone: page.phone,
  hours: page.hours,
  single_line_address: page.singleLineAddress,
  location: page.location,
  whatsapp_number: page.whatsappNumber ?? null,
  picture_version: page.pictureVersion,
  roles: Object.fromEntries(page.roles),
  subscribed_fields: page.subscribedFields,
  instagram_account_id: page.instagramAccountId ?? null,
  /** The code Meta "sent to the number" for page_whatsapp_number_verification. */
  verification: page.verification ?? null,
});

const phoneView = (phone: PhoneNumber) => ({
  id: phone.id,
  waba_id: phone.wabaId,
  display_phone_number: phone.displayPhoneNumber,
  verified_name: phone.verifiedName,
  profile: phone.profile,
  health: phone.health ?? null,
});

/** Caps each list so a state dump after a 100,000-link seed stays readable. */
const LIST_CAP = 200;

const stateView = (store: Store) => ({
  settings: store.settings,
  counts: {
    users: store.users.size,
    pages: store.pages.size,
    businesses: store.businesses.size,
    wabas: store.wabas.size,
    phoneNumbers: store.phoneNumbers.size,
    adAccounts: store.adAccounts.size,
    adObjects: store.adObjects.size,
    tokens: store.tokens.size,
    deliveries: store.deliveries.length,
    requests: store.requests.length,
  },
  users: [...store.users.values()].slice(0, LIST_CAP).map((user) => ({
    ...user,
    pageIds: user.pageIds.slice(0, LIST_CAP),
    grant: (() => {
      const grant = store.grants.get(user.id);
      return grant
        ? { authorized: grant.authorized, permissions: Object.fromEntries(grant.permissions) }
        : null;
    })(),
  })),
  pages: [...store.pages.values()].slice(0, LIST_CAP).map(pageView),
  businesses: [...store.businesses.values()].slice(0, LIST_CAP).map((business) => ({
    ...business,
    ownedWabaIds: business.ownedWabaIds.slice(0, LIST_CAP),
  })),
  wabas: [...store.wabas.values()].slice(0, LIST_CAP),
  phoneNumbers: [...store.phoneNumbers.values()].slice(0, LIST_CAP).map(phoneView),
  adAccounts: [...store.adAccounts.values()].map((account) => ({
    ...account,
    images: [...account.images.values()].map(({ hash, name }) => ({ hash, name })),
  })),
  adObjects: [...store.adObjects.values()].slice(0, LIST_CAP),
});

export { pageView, phoneView, stateView };
