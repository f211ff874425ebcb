/** Tandem's Graph client: read a Page, read and write its number's WhatsApp profile (libraries bench). */
import { createGraphClient } from '../../functions/adapters/graph/index.js';

const graph = createGraphClient({
  baseUrl: process.env.GRAPH_API_BASE_URL ?? 'https://graph.facebook.com',
  appId: process.env.META_APP_ID ?? '',
  appSecret: process.env.META_APP_SECRET ?? '',
});

export const handler = async (input: { token: string; pageId: string; phoneNumberId: string }) => {
  const page = await graph.getPage(input.token, input.pageId, ['name', 'about', 'website']);
  const profile = await graph.getBusinessProfile(input.token, input.phoneNumberId);
  await graph.updateBusinessProfile(input.token, input.phoneNumberId, { about: 'Fresh bread' });
  return { page, profile: profile.data };
};
