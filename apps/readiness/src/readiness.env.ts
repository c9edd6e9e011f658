import { BaseEnv } from '@rasad/common';

/** The readiness service's settings: the shared ones (database, broker, logging), plus its contexts' own. */
export class ReadinessEnv extends BaseEnv {}
