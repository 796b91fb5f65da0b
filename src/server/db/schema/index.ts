export * from './tenancy';
export * from './auth';
export * from './audit';
export * from './strategy';
export * from './competence';
export * from './library';
export * from './home';
export * from './surveys';
