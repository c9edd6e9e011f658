import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<(path: string) => void>();

/** History routing: the gateway answers index.html for every console path, so a reload or a shared link works. */
export function navigate(path: string, replace = false): void {
  if (replace) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
  }
  listeners.forEach((listener) => listener(location.pathname + location.search));
}

window.addEventListener('popstate', () =>
  listeners.forEach((listener) => listener(location.pathname + location.search)),
);

export function useLocation(): string {
  const [path, setPath] = useState(location.pathname + location.search);
  useEffect(() => {
    listeners.add(setPath);
    return () => {
      listeners.delete(setPath);
    };
  }, []);
  return path;
}

/** A plain link that moves within the console without a reload (and still opens in a new tab). */
export function onLinkClick(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || anchor.target) {
    return;
  }
  event.preventDefault();
  navigate(anchor.getAttribute('href') ?? '/');
  document.getElementById('main')?.focus();
}
