import { Roles } from '../auth/auth.decorators';

/** Briefings are planned by logistics and briefing officers; everyone signed in may read them. */
export const BriefingWriters = () => Roles('admin', 'logistics_officer', 'briefing_officer');
