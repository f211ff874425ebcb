import type { Problem } from '../errors.js';

/** The fields of the endpoint form the API may object to. */
interface EndpointErrors {
  url?: string;
  eventTypes?: string;
  description?: string;
}

/**
 * The API's objections to a POST /webhook-endpoints, by the field they are about: a URL the
 * outbound rules refuse (`endpoint_url_not_allowed`, the API's own reason), event types it does
 * not know (`unknown_event_type`), or a schema error naming `url`, `eventTypes` or `description`.
 */
const endpointErrors = (problem: Problem): EndpointErrors => {
  const errors: EndpointErrors = {};
  if (problem.code === 'endpoint_url_not_allowed') {
    errors.url = problem.detail ?? problem.title;
  }
  if (problem.code === 'unknown_event_type') {
    errors.eventTypes = problem.detail ?? problem.title;
  }
  for (const [path, message] of Object.entries(problem.fields ?? {})) {
    const field = path.split('.')[0];
    if (field === 'url' || field === 'eventTypes' || field === 'description') {
      errors[field] ??= message;
    }
  }
  return errors;
};

type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed' | 'skipped';

/** A delivery's status in words, and the badge that shows it. */
const DELIVERY_LABELS: Record<DeliveryStatus, { label: string; badge: string }> = {
  pending: { label: 'Pending', badge: 'in_progress' },
  retrying: { label: 'Retrying', badge: 'paused' },
  delivered: { label: 'Delivered', badge: 'active' },
  failed: { label: 'Failed', badge: 'failed' },
  skipped: { label: 'Skipped', badge: 'incomplete' },
};

/** What the last attempt got back, in words: the HTTP status or the network error. */
const lastResultText = (result?: { status?: number; error?: string }): string => {
  if (!result) return '';
  if (result.error) return result.error;
  return result.status ? `HTTP ${result.status}` : '';
};

export {
  DELIVERY_LABELS,
  type DeliveryStatus,
  type EndpointErrors,
  endpointErrors,
  lastResultText,
};
