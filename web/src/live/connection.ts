import { HubConnectionBuilder, LogLevel, type HubConnection, type IRetryPolicy } from '@microsoft/signalr';

export const HUB_URL = '/hubs/live';

const RETRY_DELAYS = [0, 1000, 2000, 5000, 10000];
const MAX_DELAY = 30000;

/** Keeps trying forever: quickly at first, then every 30 s. */
export const retryPolicy: IRetryPolicy = {
  nextRetryDelayInMilliseconds(context) {
    const base = RETRY_DELAYS[context.previousRetryCount] ?? MAX_DELAY;
    // A little jitter so that many browsers don't all come back at the same moment.
    return base === 0 ? 0 : Math.round(base * (0.8 + Math.random() * 0.4));
  },
};

export function startDelay(attempt: number): number {
  return retryPolicy.nextRetryDelayInMilliseconds({
    previousRetryCount: attempt,
    elapsedMilliseconds: 0,
    retryReason: new Error('start failed'),
  }) ?? MAX_DELAY;
}

/** One connection per signed-in session; the auth cookie goes along with it. */
export function createLiveConnection(): HubConnection {
  return new HubConnectionBuilder()
    .withUrl(HUB_URL, { withCredentials: true })
    .withAutomaticReconnect(retryPolicy)
    .configureLogging(import.meta.env.DEV ? LogLevel.Information : LogLevel.Warning)
    .build();
}
