/**
 * The browser side of the session: the CSRF token for unsafe requests and whether a session we
 * had has expired. The session itself is an HttpOnly cookie the page cannot read; nothing about
 * it is kept in browser storage.
 */
type Listener = () => void;

export interface SessionSnapshot {
  csrfToken: string | null;
  /** We had a session and a request was refused with 401: show the re-login dialog. */
  expired: boolean;
}

let snapshot: SessionSnapshot = { csrfToken: null, expired: false };
const listeners = new Set<Listener>();

function set(next: Partial<SessionSnapshot>) {
  snapshot = { ...snapshot, ...next };
  for (const listener of listeners) listener();
}

export const sessionStore = {
  get: () => snapshot,
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signedIn(csrfToken: string) {
    set({ csrfToken, expired: false });
  },
  /** A request got 401. Only a session we had can expire; a visitor is simply not logged in. */
  unauthenticated() {
    if (snapshot.csrfToken !== null) set({ expired: true });
  },
  /** The user closed the dialog ("later"); the next refused request shows it again. */
  dismiss() {
    set({ expired: false });
  },
  signedOut() {
    set({ csrfToken: null, expired: false });
  },
};

/** Names the popup and the app use to tell each other that a new login succeeded. */
export const SESSION_CHANNEL = 'zorgroute-session';
export const RESTORED_PATH = '/sessie-hersteld';
