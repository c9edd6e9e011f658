import { useEffect, useRef, useState } from 'preact/hooks';
import { authorized } from './api';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/**
 * The district's verdict changes as server-sent events, read with fetch because EventSource cannot send the bearer
 * token. `onChange` runs (at most twice a second) after changes arrive and after every (re)connection, when the page
 * reads the report again: events missed while away are never replayed, the report is the truth.
 */
export function useVerdictStream(districtId: string, onChange: () => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        latest.current();
      }, 500);
    };
    let attempt = 0;
    let connectedBefore = false;

    const run = async () => {
      while (!abort.signal.aborted) {
        try {
          const response = await authorized(`/readiness/stream?districtId=${districtId}`, {
            signal: abort.signal,
            headers: { accept: 'text/event-stream' },
          });
          if (!response.ok || !response.body) {
            throw new Error(`stream answered ${response.status}`);
          }
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) {
              break;
            }
            buffer += value;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const event = /^event: (.+)$/m.exec(block)?.[1];
              if (event === 'ready') {
                attempt = 0;
                setState('live');
                if (connectedBefore) {
                  soon();
                }
                connectedBefore = true;
              } else if (event === 'verdict') {
                soon();
              }
            }
          }
        } catch {
          if (abort.signal.aborted) {
            return;
          }
        }
        setState('reconnecting');
        attempt += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5))));
      }
    };
    void run();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [districtId]);
  return state;
}
