import { BaseEnv } from '@rasad/common';

/** The briefings service's settings: the shared ones, plus those of its contexts. */
export class BriefingsEnv extends BaseEnv {}
