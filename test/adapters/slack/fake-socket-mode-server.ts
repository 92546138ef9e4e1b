// A tiny WebSocket server speaking Slack's Socket Mode: `hello` on connect, envelopes out, acks in.
// Written against RFC 6455 directly (no `ws` package in the project): text, ping/pong and close frames,
// unfragmented, which is all Slack's client sends.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { z } from 'zod';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface FakeSocketModeServer {
  url: string;
  /** Sends an envelope and resolves with the client's acknowledgement. */
  /**
   * `retry` marks an events_api envelope as Slack's redelivery: `retry_attempt` / `retry_reason` as in
   * slackapi/node-slack-sdk packages/socket-mode SocketModeClient spec ("retry_attempt": 2, "retry_reason": "timeout").
   */
  send(type: 'events_api' | 'slash_commands' | 'interactive', payload: unknown, timeoutMs?: number, retry?: { attempt: number; reason: string }): Promise<{ envelope_id: string; payload?: unknown }>;
  connections(): number;
  close(): Promise<void>;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = length;
  else if (length < 65_536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** Splits complete client frames off the front of `buffer`. */
function readFrames(buffer: Buffer): { frames: { opcode: number; payload: Buffer }[]; rest: Buffer } {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let offset = 0;
  while (buffer.length - offset >= 2) {
    const b0 = buffer[offset] ?? 0;
    const b1 = buffer[offset + 1] ?? 0;
    let length = b1 & 0x7f;
    let cursor = offset + 2;
    if (length === 126) {
      if (buffer.length < cursor + 2) break;
      length = buffer.readUInt16BE(cursor);
      cursor += 2;
    } else if (length === 127) {
      if (buffer.length < cursor + 8) break;
      length = Number(buffer.readBigUInt64BE(cursor));
      cursor += 8;
    }
    const masked = (b1 & 0x80) !== 0;
    const mask = masked ? buffer.subarray(cursor, cursor + 4) : undefined;
    if (masked) cursor += 4;
    if (buffer.length < cursor + length) break;
    const payload = Buffer.from(buffer.subarray(cursor, cursor + length));
    if (mask) for (let i = 0; i < payload.length; i += 1) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
    frames.push({ opcode: b0 & 0x0f, payload });
    offset = cursor + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

const ackSchema = z.object({ envelope_id: z.string(), payload: z.unknown().optional() });

export async function startFakeSocketModeServer(): Promise<FakeSocketModeServer> {
  const acks = new EventEmitter();
  const sockets = new Set<Duplex>();
  let counter = 0;
  const server = createServer((_req, res) => res.writeHead(426).end());

  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string') {
      socket.destroy();
      return;
    }
    const accept = createHash('sha1').update(key + WS_GUID).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
    socket.write(frame(1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0OSAAVA' } }))));
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const { opcode, payload } of frames) {
        if (opcode === 0x1) {
          const parsed = ackSchema.safeParse(JSON.parse(payload.toString('utf8')));
          if (parsed.success) acks.emit(parsed.data.envelope_id, parsed.data);
        } else if (opcode === 0x9) {
          socket.write(frame(0xa, payload));
        } else if (opcode === 0x8) {
          socket.end(frame(0x8, payload.subarray(0, 2)));
        }
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');

  return {
    url: `ws://127.0.0.1:${address.port}/link/?ticket=fake`,
    connections: () => sockets.size,
    send(type, payload, timeoutMs = 5000, retry) {
      const envelopeId = `env-${++counter}`;
      const envelope = { envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', ...(type === 'events_api' ? { retry_attempt: retry?.attempt ?? 0, retry_reason: retry?.reason ?? '' } : {}) };
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ack for ${envelopeId} within ${timeoutMs} ms`)), timeoutMs);
        acks.once(envelopeId, (ack: { envelope_id: string; payload?: unknown }) => {
          clearTimeout(timer);
          resolve(ack);
        });
        for (const socket of sockets) socket.write(frame(1, Buffer.from(JSON.stringify(envelope))));
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
