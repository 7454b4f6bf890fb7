/**
 * The state of the realtime connection, for the "Connection lost" banner, and a counter that
 * goes up when live updates could not be resumed (a cursor older than the events the server
 * keeps), telling screens to reload what they show.
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';

type Listener = () => void;

export class ConnectionStore {
  private status: ConnectionStatus = 'idle';
  private active = 0;
  private resyncs = 0;
  private readonly listeners = new Set<Listener>();

  getStatus = (): ConnectionStatus => this.status;
  getResyncs = (): number => this.resyncs;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A live subscription started (+1) or ended (-1). */
  activeChanged(delta: 1 | -1): void {
    this.active = Math.max(0, this.active + delta);
  }

  connecting(): void {
    // Still "reconnecting" until the connection is acknowledged again.
    if (this.status !== 'reconnecting') this.set('connecting');
  }

  connected(): void {
    this.set('connected');
  }

  /** The socket closed: lost if live views still need it, idle if it closed for want of any. */
  closed(): void {
    this.set(this.active > 0 ? 'reconnecting' : 'idle');
  }

  reset(): void {
    this.active = 0;
    this.set('idle');
  }

  resync(): void {
    this.resyncs += 1;
    this.emit();
  }

  private set(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export const connection = new ConnectionStore();
