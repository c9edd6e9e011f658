import { BaseEnv } from '@rasad/common';

/** The meals service's settings: the shared ones (database, broker, logging), plus its contexts' own. */
export class MealsEnv extends BaseEnv {}
