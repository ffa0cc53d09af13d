import { describe, expect, it } from 'vitest';
import { LocalEventBus, type TruceEvent } from '../app/events.ts';
import { EventFeed, type FeedEvent } from './event-feed.ts';

const event = (id: string): TruceEvent => ({ type: 'report.created', entity: 'report', id, at: 0 });

describe('EventFeed', () => {
  it('numbers events and replays those after a Last-Event-ID it issued, within what it keeps', () => {
    const bus = new LocalEventBus();
    const feed = new EventFeed(bus, 3);
    const seen: FeedEvent[] = [];
    feed.subscribe(undefined, (e) => seen.push(e));
    for (const id of ['a', 'b', 'c', 'd']) bus.publish(event(id));
    expect(seen.map((e) => e.event.id)).toEqual(['a', 'b', 'c', 'd']);
    const [a, b] = seen;
    expect(b!.id).toMatch(/^[0-9a-f]{8}-2$/);
    expect(feed.missedSince(b!.id).map((e) => e.event.id)).toEqual(['c', 'd']);
    expect(feed.missedSince(a!.id).map((e) => e.event.id)).toEqual(['b', 'c', 'd']); // 'a' itself is no longer kept
    expect(feed.missedSince(seen[3]!.id)).toEqual([]);
  });

  it('replays nothing for an id from another process or run, or a malformed one', () => {
    const bus = new LocalEventBus();
    const feed = new EventFeed(bus);
    bus.publish(event('a'));
    for (const id of [undefined, '', '0badc0de-0', 'nonsense', '-1', `${'x'.repeat(8)}-1`])
      expect(feed.missedSince(id)).toEqual([]);
  });

  it('stops listening when closed', () => {
    const bus = new LocalEventBus();
    const feed = new EventFeed(bus);
    const seen: FeedEvent[] = [];
    const stop = feed.subscribe(undefined, (e) => seen.push(e));
    bus.publish(event('a'));
    stop();
    bus.publish(event('b'));
    feed.close();
    bus.publish(event('c'));
    expect(seen.map((e) => e.event.id)).toEqual(['a']);
  });
});
