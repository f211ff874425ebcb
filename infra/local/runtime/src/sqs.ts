import { createServer } from 'node:http';
import { createRequestHandler } from 'local-aws-sqs';
import { PortInUseError } from './net.js';

interface LocalSqs {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * Starts `local-aws-sqs` on loopback. Its request handler is mounted on our own server (rather than
 * `createSqsServer`) so a taken port becomes an error we can report instead of an unhandled event;
 * queue URLs are built from the port, so it is set once the server is listening.
 */
const startLocalSqs = async ({
  port,
  region,
  accountId,
}: {
  port: number;
  region: string;
  accountId: string;
}): Promise<LocalSqs> => {
  const { service, requestHandler } = createRequestHandler({
    port,
    hostname: HOST,
    region,
    accountId,
    // Tests recreate nothing, but a restarted system must not wait 60 s to recreate a queue name.
    emulateQueueCreationLifecycle: false,
  });
  const server = createServer(requestHandler);
  const actual = await new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, 'SQS') : error)
    );
    server.listen(port, HOST, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
  service.PORT = actual;
  return {
    url: `http://${HOST}:${actual}`,
    port: actual,
    stop: () =>
      new Promise<void>((resolve) => {
        // Long polls keep connections open for up to 20 s: do not wait for them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

export type { LocalSqs };
export { startLocalSqs };
