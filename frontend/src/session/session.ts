/**
 * The sign-in session: the access token lives in this object's memory only (never in
 * localStorage or sessionStorage); the refresh token is an HttpOnly cookie the browser sends
 * to /graphql and the page cannot read. The session refreshes the access token shortly before
 * it expires, on demand (an operation answered UNAUTHENTICATED, a WebSocket closed 4403), and
 * once on page load to find out whether the browser is still signed in.
 */
import type { SessionTokensFragment, SessionUserFragment } from '../gql/graphql';
import { errorCode } from '../errors/messages';
import { refreshDelayMs, tokenLifetimeMs } from './schedule';

export type SessionUser = SessionUserFragment;

/** Why the sign-in screen shows: nothing to say, an expired session, a sign-out, no server. */
export type SignedOutReason = 'none' | 'expired' | 'signedOut' | 'unreachable';

export type SessionState =
  | { readonly status: 'restoring' }
  | { readonly status: 'signedOut'; readonly reason: SignedOutReason }
  | {
      readonly status: 'signedIn';
      readonly user: SessionUser;
      /** Changes when another account signs in: everything per account starts afresh. */
      readonly epoch: number;
    };

export interface SessionResult {
  readonly data?: SessionTokensFragment | null;
  readonly error?: unknown;
}

/** The three session mutations, over HTTP. */
export interface SessionTransport {
  login(email: string, password: string): Promise<SessionResult>;
  refresh(): Promise<SessionResult>;
  logout(accessToken: string | null): Promise<void>;
}

export type SignInOutcome = { readonly ok: true } | { readonly ok: false; readonly error: unknown };

type RefreshOutcome = 'ok' | 'rejected' | 'network';

/** A refresh that failed for want of a network is tried again after this long. */
export const NETWORK_RETRY_MS = 15_000;
/** A token this close to its expiry is refreshed before it is used. */
export const EXPIRY_SLACK_MS = 5_000;

const CHANNEL = 'alliance-hub-session';
const LOCK = 'alliance-hub-session-refresh';

type Listener = (state: SessionState) => void;

export class Session {
  private state: SessionState = { status: 'restoring' };
  private readonly listeners = new Set<Listener>();
  private accessToken: string | null = null;
  /** When the token stops working, on this browser's clock. */
  private expiresAtMs = 0;
  /** When the scheduled refresh is due. */
  private refreshAtMs = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: Promise<RefreshOutcome> | null = null;
  private restoring: Promise<void> | null = null;
  private epoch = 0;
  /** Counts sign-outs, so a refresh that started before one is not taken up after it. */
  private generation = 0;
  private channel: BroadcastChannel | null = null;

  constructor(private readonly transport: SessionTransport) {}

  getState = (): SessionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current access token, or null when signed out. */
  get token(): string | null {
    return this.accessToken;
  }

  /** Whether the token is missing or about to expire, so using it would fail. */
  tokenExpiring(now = Date.now()): boolean {
    return this.accessToken === null || now >= this.expiresAtMs - EXPIRY_SLACK_MS;
  }

  /**
   * Listens to other tabs (a sign-out there signs this tab out; a sign-in there lets a signed-out
   * tab pick up the session) and to the page becoming visible again (timers sleep in hidden tabs).
   */
  start(): () => void {
    const onVisible = () => {
      if (document.visibilityState === 'visible' && this.state.status === 'signedIn') {
        if (Date.now() >= this.refreshAtMs) void this.refresh();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    if (typeof BroadcastChannel !== 'undefined') {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (event: MessageEvent<unknown>) => {
        if (event.data === 'signedOut' && this.state.status === 'signedIn') {
          this.clear('signedOut');
        } else if (event.data === 'signedIn' && this.state.status === 'signedOut') {
          void this.pickUp();
        }
      };
    }
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      this.channel?.close();
      this.channel = null;
    };
  }

  /** On page load: one refresh with the cookie decides whether the browser is signed in. */
  restore(): Promise<void> {
    this.restoring ??= (async () => {
      const outcome = await this.refreshOnce();
      if (outcome === 'ok') return;
      this.clear(outcome === 'network' ? 'unreachable' : 'none');
    })();
    return this.restoring;
  }

  async signIn(email: string, password: string): Promise<SignInOutcome> {
    let result: SessionResult;
    try {
      result = await this.transport.login(email, password);
    } catch (error) {
      return { ok: false, error };
    }
    if (!result.data) return { ok: false, error: result.error };
    this.accept(result.data);
    this.broadcast('signedIn');
    return { ok: true };
  }

  /** Ends the session on the server (which clears the cookie), then here and in other tabs. */
  async signOut(): Promise<void> {
    // An expired token would be refused before the sign-out ran: then the cookie alone
    // names the session to end.
    const token = this.tokenExpiring() ? null : this.accessToken;
    this.generation += 1;
    try {
      await this.transport.logout(token);
    } catch {
      // Signed out here regardless; the server ends an unused session on its own.
    }
    this.clear('signedOut');
    this.broadcast('signedOut');
  }

  /**
   * Refreshes the access token (one request at a time, however many ask). Resolves true when
   * there is a fresh token; a refused refresh signs out with "session expired".
   */
  async refresh(): Promise<boolean> {
    if (this.state.status === 'signedOut') return false;
    const outcome = await this.refreshOnce();
    if (outcome === 'ok') return true;
    if (this.state.status === 'signedIn') {
      if (outcome === 'rejected') this.clear('expired');
      else this.schedule(NETWORK_RETRY_MS);
    }
    return false;
  }

  /** A token to open a WebSocket with: waits for a refresh under way, refreshes one about to
   * expire. */
  async freshToken(): Promise<string | null> {
    if (this.inflight) await this.inflight;
    if (this.state.status === 'signedIn' && this.tokenExpiring()) await this.refresh();
    return this.accessToken;
  }

  private refreshOnce(): Promise<RefreshOutcome> {
    this.inflight ??= this.requestRefresh().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async requestRefresh(): Promise<RefreshOutcome> {
    const generation = this.generation;
    let result: SessionResult;
    try {
      result = await withLock(() => this.transport.refresh());
    } catch (error) {
      return refreshFailure(error);
    }
    // Signed out while the refresh was under way: its tokens are not taken up.
    if (generation !== this.generation) return 'rejected';
    if (result.data) {
      this.accept(result.data);
      return 'ok';
    }
    return refreshFailure(result.error);
  }

  /** Another tab signed in: take over its session quietly (the cookie is shared). */
  private async pickUp(): Promise<void> {
    await this.refreshOnce();
  }

  private accept(tokens: SessionTokensFragment): void {
    const now = Date.now();
    const lifetime = tokenLifetimeMs(tokens.accessToken, tokens.accessTokenExpiresAt, now);
    this.accessToken = tokens.accessToken;
    this.expiresAtMs = now + lifetime;
    this.schedule(refreshDelayMs(lifetime));
    const previous = this.state;
    const sameAccount = previous.status === 'signedIn' && previous.user.id === tokens.user.id;
    if (!sameAccount) this.epoch += 1;
    this.setState({ status: 'signedIn', user: tokens.user, epoch: this.epoch });
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.refreshAtMs = Date.now() + delayMs;
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  private clear(reason: SignedOutReason): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.accessToken = null;
    this.expiresAtMs = 0;
    this.setState({ status: 'signedOut', reason });
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener(state);
  }

  private broadcast(message: 'signedIn' | 'signedOut'): void {
    this.channel?.postMessage(message);
  }
}

/**
 * Runs `task` holding a lock shared by every tab of this origin. Each refresh token works
 * once (reusing one ends the session), so two tabs must never send the same cookie at once:
 * the second waits and then sends the cookie the first one brought back.
 */
async function withLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && 'locks' in navigator) {
    return navigator.locks.request(LOCK, task);
  }
  return task();
}

/** Only a refusal (`UNAUTHENTICATED`: no cookie, or a spent one) ends the session; a busy
 * server, a timeout or a rate limit is retried like a network failure. */
function refreshFailure(error: unknown): RefreshOutcome {
  return errorCode(error) === 'UNAUTHENTICATED' ? 'rejected' : 'network';
}
