import { type GraphClient, toTandemError } from '../graph/index.js';

/**
 * The gateways' way of calling Meta: resolves the Graph client (created lazily, once the app secret
 * is fetched) and turns any Graph failure into Tandem's typed errors, so the core never sees Graph's.
 *
 * @example
 * const call = graphCalls(graphClient());
 * const page = await call((client) => client.getPage(token, pageId, fields));
 */
const graphCalls =
  (graph: () => Promise<GraphClient>) =>
  async <T>(operation: (client: GraphClient) => Promise<T>): Promise<T> => {
    const client = await graph();
    try {
      return await operation(client);
    } catch (error) {
      throw toTandemError(error);
    }
  };

export { graphCalls };
