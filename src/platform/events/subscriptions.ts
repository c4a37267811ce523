// 購読 (subscriptions): which area reacts to which event type. Every area or module declares
// `subscriptions: { "resident.moved-in": handler }`; the subscriber's name is the area's id, so
// an area has at most one handler per event type and its deliveries are named after it.
import type { AreaDefinition, EventHandler } from "../contract.ts";

export interface Subscriptions {
  /** Subscriber names for an event type, in area order (empty when nobody listens). */
  subscribersOf(type: string): readonly string[];
  handlerOf(type: string, subscriber: string): EventHandler | undefined;
}

export function collectSubscriptions(areas: readonly AreaDefinition[]): Subscriptions {
  const byType = new Map<string, Map<string, EventHandler>>();
  for (const area of areas) {
    for (const [type, handler] of Object.entries(area.subscriptions ?? {})) {
      const handlers = byType.get(type) ?? new Map<string, EventHandler>();
      if (handlers.has(area.id)) throw new Error(`area ${area.id} is listed twice and subscribes twice to ${type}`);
      handlers.set(area.id, handler);
      byType.set(type, handlers);
    }
  }
  const names = new Map([...byType].map(([type, handlers]) => [type, [...handlers.keys()]]));
  return {
    subscribersOf: (type) => names.get(type) ?? [],
    handlerOf: (type, subscriber) => byType.get(type)?.get(subscriber),
  };
}
