/**
 * Page category -> WhatsApp `vertical`. WhatsApp accepts 21 verticals (the OpenAPI spec's
 * WhatsAppBusinessVertical); Facebook has well over a thousand Page categories. The table below maps
 * the categories businesses most often pick; anything else becomes OTHER, which WhatsApp accepts and
 * which the link reports so the user can see the fallback was taken.
 *
 * Matching is on the lower-cased category name, first by exact name, then by the keywords in
 * KEYWORDS (in order), so "Italian Restaurant" and "Vegan Restaurant" both land on RESTAURANT.
 * The same table is documented in docs/sync.md.
 */
const WHATSAPP_VERTICALS = [
  'OTHER',
  'AUTO',
  'BEAUTY',
  'APPAREL',
  'EDU',
  'ENTERTAIN',
  'EVENT_PLAN',
  'FINANCE',
  'GROCERY',
  'GOVT',
  'HOTEL',
  'HEALTH',
  'NONPROFIT',
  'PROF_SERVICES',
  'RETAIL',
  'TRAVEL',
  'RESTAURANT',
  'ALCOHOL',
  'ONLINE_GAMBLING',
  'PHYSICAL_GAMBLING',
  'OTC_DRUGS',
] as const;

type WhatsAppVertical = (typeof WHATSAPP_VERTICALS)[number];

/** Exact Page category names. */
const EXACT: Record<string, WhatsAppVertical> = {
  bakery: 'RESTAURANT',
  cafe: 'RESTAURANT',
  'coffee shop': 'RESTAURANT',
  'pizza place': 'RESTAURANT',
  'fast food restaurant': 'RESTAURANT',
  'food truck': 'RESTAURANT',
  'dessert shop': 'RESTAURANT',
  'grocery store': 'GROCERY',
  supermarket: 'GROCERY',
  'convenience store': 'GROCERY',
  'food & beverage company': 'GROCERY',
  'clothing store': 'APPAREL',
  'shoe store': 'APPAREL',
  "women's clothing store": 'APPAREL',
  "men's clothing store": 'APPAREL',
  'car dealership': 'AUTO',
  'automotive repair shop': 'AUTO',
  'beauty salon': 'BEAUTY',
  'hair salon': 'BEAUTY',
  'nail salon': 'BEAUTY',
  'barber shop': 'BEAUTY',
  'day spa': 'BEAUTY',
  school: 'EDU',
  'college & university': 'EDU',
  'tutor/teacher': 'EDU',
  'movie theater': 'ENTERTAIN',
  'arts & entertainment': 'ENTERTAIN',
  'event planner': 'EVENT_PLAN',
  'wedding planning service': 'EVENT_PLAN',
  bank: 'FINANCE',
  'financial service': 'FINANCE',
  'insurance agent': 'FINANCE',
  'government organization': 'GOVT',
  hotel: 'HOTEL',
  'bed and breakfast': 'HOTEL',
  hostel: 'HOTEL',
  doctor: 'HEALTH',
  dentist: 'HEALTH',
  hospital: 'HEALTH',
  'medical & health': 'HEALTH',
  'nonprofit organization': 'NONPROFIT',
  'charity organization': 'NONPROFIT',
  'lawyer & law firm': 'PROF_SERVICES',
  accountant: 'PROF_SERVICES',
  'consulting agency': 'PROF_SERVICES',
  'marketing agency': 'PROF_SERVICES',
  'shopping & retail': 'RETAIL',
  'retail company': 'RETAIL',
  'travel agency': 'TRAVEL',
  'transportation service': 'TRAVEL',
  'liquor store': 'ALCOHOL',
  brewery: 'ALCOHOL',
  'winery/vineyard': 'ALCOHOL',
  casino: 'PHYSICAL_GAMBLING',
  pharmacy: 'OTC_DRUGS',
  'drug store': 'OTC_DRUGS',
};

/** Keywords tried in order when no exact name matches; earlier rows win. */
const KEYWORDS: [string, WhatsAppVertical][] = [
  ['restaurant', 'RESTAURANT'],
  ['bakery', 'RESTAURANT'],
  ['cafe', 'RESTAURANT'],
  ['grocery', 'GROCERY'],
  ['clothing', 'APPAREL'],
  ['apparel', 'APPAREL'],
  ['automotive', 'AUTO'],
  ['car ', 'AUTO'],
  ['salon', 'BEAUTY'],
  ['beauty', 'BEAUTY'],
  ['spa', 'BEAUTY'],
  ['school', 'EDU'],
  ['education', 'EDU'],
  ['university', 'EDU'],
  ['entertainment', 'ENTERTAIN'],
  ['event', 'EVENT_PLAN'],
  ['wedding', 'EVENT_PLAN'],
  ['bank', 'FINANCE'],
  ['financ', 'FINANCE'],
  ['insurance', 'FINANCE'],
  ['government', 'GOVT'],
  ['hotel', 'HOTEL'],
  ['lodging', 'HOTEL'],
  ['medical', 'HEALTH'],
  ['health', 'HEALTH'],
  ['clinic', 'HEALTH'],
  ['nonprofit', 'NONPROFIT'],
  ['charity', 'NONPROFIT'],
  ['consult', 'PROF_SERVICES'],
  ['agency', 'PROF_SERVICES'],
  ['lawyer', 'PROF_SERVICES'],
  ['store', 'RETAIL'],
  ['shop', 'RETAIL'],
  ['retail', 'RETAIL'],
  ['travel', 'TRAVEL'],
  ['transport', 'TRAVEL'],
];

interface VerticalMatch {
  vertical: WhatsAppVertical;
  /** The Page category that decided it, or undefined when none matched and OTHER was used. */
  from: string | undefined;
}

/**
 * Picks the WhatsApp vertical for a Page from its categories, primary first.
 *
 * @example
 * verticalFor(['Italian Restaurant']) // { vertical: 'RESTAURANT', from: 'Italian Restaurant' }
 */
const verticalFor = (categories: readonly string[]): VerticalMatch => {
  for (const category of categories) {
    const exact = EXACT[category.trim().toLowerCase()];
    if (exact) return { vertical: exact, from: category };
  }
  for (const category of categories) {
    const name = ` ${category.trim().toLowerCase()} `;
    const hit = KEYWORDS.find(([keyword]) => name.includes(keyword));
    if (hit) return { vertical: hit[1], from: category };
  }
  return { vertical: 'OTHER', from: undefined };
};

export type { VerticalMatch, WhatsAppVertical };
export { verticalFor, WHATSAPP_VERTICALS };
