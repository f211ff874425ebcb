import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny HTTP receiver standing in for Tandem's webhook and Meta-callback endpoints in tests. */

interface Received {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  raw: Buffer;
}

class Receiver {
  url = '';
  received: Received[] = [];
  /** Statuses to answer in turn; afterwards 200. */
  script: number[] = [];
  /** Body to answer with (default: echo hub.challenge for GETs, `ok` otherwise). */
  replyBody: string | undefined;
  private readonly waiters: { count: number; resolve: (all: Received[]) => void }[] = [];
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://receiver');
        this.received.push({
          method: req.method ?? 'GET',
          url,
          headers: req.headers,
          raw: Buffer.concat(chunks),
        });
        const body =
          this.replyBody ??
          (req.method === 'GET' ? (url.searchParams.get('hub.challenge') ?? '') : 'ok');
        res.writeHead(this.script.shift() ?? 200, {
          'content-type': body.startsWith('{') ? 'application/json' : 'text/plain',
        });
        res.end(body);
        this.wake();
      });
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Resolves once `count` requests have arrived in all. */
  waitFor(count: number): Promise<Received[]> {
    return new Promise((resolve) => {
      this.waiters.push({ count, resolve });
      this.wake();
    });
  }

  reset(): void {
    this.received = [];
    this.script = [];
    this.replyBody = undefined;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) {
      if (this.received.length < waiter.count) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(this.received);
    }
  }
}

const startReceiver = (): Promise<Receiver> => new Receiver().listen();

export type { Received, Receiver };
export { startReceiver };
