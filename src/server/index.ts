export { createApp, ROUTES, DEFAULT_BODY_LIMIT, LOOPBACK_HOSTS, type AppOptions } from './app.js';
export { startServer, isLoopback, type StartOptions, type RunningServer } from './serve.js';
export { openApiDocument } from './openapi.js';
export { ProblemError, problem, PROBLEMS, type Problem, type ProblemKind } from './problem.js';
export { storedEventJson, type EventJson } from './event-json.js';
export { pageEvents, countEvents, eventsById, type EventPageFilters } from './event-page.js';
export type { RouteSpec, ApiDeps } from './route.js';
