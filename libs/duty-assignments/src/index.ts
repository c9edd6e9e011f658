export * from './bed-nights';
export * from './briefing-topics';
export * from './duty-window';
export * from './duty.enums';
export * from './local-time';
export * from './meal-slots';
export * from './readiness';
export * from './travel-legs';
