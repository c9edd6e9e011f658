export * from './duty-changes';
export * from './roster-projection.consumer';
export * from './roster-projection.options';
export * from './roster-projection.providers';
export * from './roster-projection.repository';
export * from './roster-projection.sql';
