export * from './bed-nights';
export * from './duty-window';
export * from './duty.enums';
export * from './local-time';
export * from './meal-slots';
export * from './readiness';
export * from './travel-legs';
