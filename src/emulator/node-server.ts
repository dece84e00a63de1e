import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator, type EmulatorOptions } from './emulator';
import { refusedMethod } from './request-limits';
import { renderError } from './rest/odata-json';

export type EmulatorServerOptions = Omit<EmulatorOptions, 'origin'> & {
  /** 0 picks a free port (tests). */
  port?: number;
  /** Loopback only: the embedded server is never reachable from other machines. */
  host?: '127.0.0.1';
};

export type EmulatorServer = {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>/sites/plans` */
  siteUrl: string;
  emulator: Emulator;
  /** The token `/_emulator/` control routes need (header X-PlanTracker-Emulator-Token). */
  controlToken: string;
  close(): Promise<void>;
};

/**
 * Starts the embedded SharePoint server on 127.0.0.1: a thin adapter from Node's http
 * to the emulator's `handle(Request): Response`. Resolves once it accepts requests.
 */
export async function startEmulatorServer(options: EmulatorServerOptions = {}): Promise<EmulatorServer> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error(`The embedded server binds to 127.0.0.1 only, not '${String(host)}'.`);
  const emulator = createEmulator(options);
  const limit = emulator.maxBodyBytes;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        // Answer now and drop the rest: reading a huge body to the end only to refuse it wastes memory.
        refused = true;
        const body = JSON.stringify({ 'odata.error': { code: '-1, Microsoft.SharePoint.Client.ClientServiceException', message: { lang: 'en-US', value: `The request message is too big. The server does not allow messages larger than ${limit} bytes.` } } });
        res.writeHead(413, { 'Content-Type': 'application/json;odata=minimalmetadata;charset=utf-8', Connection: 'close' });
        res.end(body);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      void respond(req, res, Buffer.concat(chunks));
    });
    req.on('error', () => res.destroy());
  });

  const respond = async (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> => {
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined) continue;
        headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const method = (req.method ?? 'GET').toUpperCase();
      // Fetch's Request cannot carry TRACE/TRACK/CONNECT; SharePoint refuses them (405), never with a 500.
      const refused = refusedMethod(method);
      if (refused) {
        res.writeHead(refused.status, { 'Content-Type': 'application/json;odata=minimalmetadata;charset=utf-8' });
        res.end(JSON.stringify(renderError('minimal', refused)));
        return;
      }
      // The URL keeps the Host header as sent, so the emulator can refuse foreign names (DNS rebinding).
      const hostHeader = req.headers.host ?? '';
      let target: URL | null = null;
      try {
        target = /^[A-Za-z0-9.\-[\]:]+$/.test(hostHeader) ? new URL(`http://${hostHeader}${req.url ?? '/'}`) : null;
      } catch {
        target = null;
      }
      if (!target) {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`Bad Request - Invalid Hostname. The embedded server answers only to 127.0.0.1:${port}.`);
        return;
      }
      const request = new Request(target, {
        method,
        headers,
        body: method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : new Uint8Array(body),
      });
      const response = await emulator.handle(request);
      const out: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        out[name] = value;
      });
      res.writeHead(response.status, response.statusText, out);
      res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`The embedded server failed: ${(error as Error).message}`);
    }
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      emulator.close();
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${options.port} is already in use on ${host}; pick another with --port, or stop what is using it.`) : error);
    });
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  emulator.setOrigin(url);

  let closed = false;
  return {
    url,
    siteUrl: emulator.siteUrl,
    emulator,
    controlToken: emulator.controlToken,
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets (fetch pools them) would otherwise hold close() open.
        server.closeAllConnections();
      });
      emulator.close();
    },
  };
}
