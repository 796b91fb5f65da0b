import type { Db } from '../db/client';
import type { App } from '../platform/http';
import type { TestClient } from './client';
import type { BuiltPerson, BuiltSchool } from './factories';

/**
 * Types for the authorization matrix (src/server/authorization-matrix.test.ts). Every API route
 * needs a fixture: a request against school A (the actor's own school) and, for routes that
 * address a resource, the same request against school B's resource (expected 404).
 */
export type MatrixWorld = {
  app: App;
  db: Db;
  a: BuiltSchool;
  b: BuiltSchool;
  adminA: BuiltPerson;
  adminB: BuiltPerson;
  deptA: string;
  deptB: string;
};
export type MatrixCtx = MatrixWorld & {
  targetA: BuiltPerson;
  targetB: BuiltPerson;
  client: TestClient;
  /** The acting person in school A; null for the network coordinator. */
  self: BuiltPerson | null;
  email: string;
};
export type MatrixReq = {
  url: string;
  body?: Record<string, unknown> | string;
  /** The policy resource the route authorizes against, when it has one. */
  resource?: object;
  /** Only members of school A may target it (a non-member gets 404). */
  membersOnly?: boolean;
};
export type MatrixFixture = { own: (c: MatrixCtx) => MatrixReq | Promise<MatrixReq>; other?: (c: MatrixCtx) => MatrixReq | Promise<MatrixReq> };
/** A feature's fixtures: sets up its resources in schools A and B, returns fixtures by "METHOD /api/v1/path". */
export type FeatureMatrix = (world: MatrixWorld) => Promise<Record<string, MatrixFixture>>;
