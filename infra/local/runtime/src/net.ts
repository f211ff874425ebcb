import { createServer, type Server } from 'node:net';

/** Thrown when a fixed port is already taken, so `npm start` can say which and how to change it. */
class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly what: string
  ) {
    super(`Port ${port} (${what}) is already in use.`);
    this.name = 'PortInUseError';
  }
}

const listenOnce = (server: Server, port: number, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });

/**
 * Checks that `port` can be bound on `host` (0 picks a free one) and returns it. DynamoDB Local cannot
 * take port 0, so its ephemeral port is found this way; the port is released before it is used, a
 * window other processes could race in, which is acceptable on a developer machine.
 */
const probePort = async (port: number, host: string, what: string): Promise<number> => {
  const server = createServer();
  try {
    return await listenOnce(server, port, host);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new PortInUseError(port, what);
    throw error;
  } finally {
    await new Promise<void>((resolve) =>
      server.listening ? server.close(() => resolve()) : resolve()
    );
  }
};

export { PortInUseError, probePort };
