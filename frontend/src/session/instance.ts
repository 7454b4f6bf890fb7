import { Session } from './session';
import { httpSessionTransport } from './transport';

/** The page's one session. */
export const session = new Session(httpSessionTransport());
