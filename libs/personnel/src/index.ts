export * from './cnic';
export * from './dietary';
export * from './personnel.enums';
export * from './phone';
export * from './rank';
export * from './validators';
