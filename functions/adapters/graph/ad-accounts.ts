import type { GraphHttp, GraphResult } from './http.js';
import { collectPages } from './paging.js';
import { type AdAccountSummary, adAccountSummary } from './schemas.js';

/** The ad accounts a user can use (`GET /me/adaccounts`, with ads_read or ads_management). */

interface AdAccountOperations {
  listAdAccounts(userToken: string): Promise<GraphResult<AdAccountSummary[]>>;
}

const createAdAccounts = (http: GraphHttp): AdAccountOperations => ({
  listAdAccounts: (userToken) =>
    collectPages(
      http,
      {
        method: 'GET',
        path: 'me/adaccounts',
        token: userToken,
        query: { fields: 'id,account_id,name,currency,account_status', limit: 100 },
      },
      adAccountSummary
    ),
});

export type { AdAccountOperations };
export { createAdAccounts };
