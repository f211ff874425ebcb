import type { EventData, EventPublisher, EventType } from '../../functions/core/linking/events.js';

interface Published {
  tenantId: string;
  type: EventType;
  data: EventData<EventType>;
}

/** An EventPublisher that keeps what it was given, in order, for a use case's tests. */
const recordingPublisher = (): EventPublisher & {
  published: Published[];
  ofType<T extends EventType>(type: T): (EventData<T> & { tenantId: string })[];
} => {
  const published: Published[] = [];
  return {
    published,
    publish: async (tenantId, type, data) => {
      published.push({ tenantId, type, data });
    },
    ofType: <T extends EventType>(type: T) =>
      published
        .filter((event) => event.type === type)
        .map((event) => ({ ...(event.data as EventData<T>), tenantId: event.tenantId })),
  };
};

export type { Published };
export { recordingPublisher };
