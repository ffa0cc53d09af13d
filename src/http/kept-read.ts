/**
 * A hot read answered from the answers kept for the caller's group of readers
 * (app/shared/read-cache.ts), serialized once by the route's own response schema and sent as
 * is to every reader of the group until a write drops it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Caller, readerGroup, requireCaller } from '../app/caller.ts';
import type { AppContext } from '../app/context.ts';

/** Sends the JSON of `read(caller)`, kept per group of readers and URL until a write to the world. */
export async function sendKeptRead(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  read: (caller: Caller) => Promise<unknown>,
): Promise<FastifyReply> {
  // Strangers are refused before anything kept is looked at.
  const caller = requireCaller(request.caller);
  const body = await ctx.reads.get(`${readerGroup(caller)}\u0000${request.url}`, 'world', async () => {
    const json = reply.serialize(await read(caller));
    return typeof json === 'string' ? json : Buffer.from(json as ArrayBuffer).toString('utf8');
  });
  return reply.type('application/json; charset=utf-8').send(body);
}
