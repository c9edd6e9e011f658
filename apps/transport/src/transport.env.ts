import { BaseEnv } from '@rasad/common';

/** The transport service's settings: the shared ones (database, broker, logging), plus its contexts' own. */
export class TransportEnv extends BaseEnv {}
