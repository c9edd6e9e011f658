import { BaseEnv } from '@rasad/common';

/** The __name__ service's settings: the shared ones (database, broker, logging), plus its contexts' own. */
export class __Pascal__Env extends BaseEnv {}
