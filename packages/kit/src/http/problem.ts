import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { CircuitOpenError, TimeoutError } from '../resilience/index.js';
import {
  AppError,
  badGateway,
  badRequest,
  type FieldError,
  internal,
  payloadTooLarge,
  serviceUnavailable,
  upstreamTimeout,
  validation,
} from './errors.js';
import { REQUEST_ID_HEADER } from './request-id.js';

export const FieldErrorSchema = Type.Object({ field: Type.String(), message: Type.String() });

/** RFC 9457 problem details, plus our stable `code` and the request id for support. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI naming the kind of problem' }),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    detail: Type.String(),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
    instance: Type.Optional(Type.String()),
    requestId: Type.String(),
  },
  { title: 'Problem' },
);

export type Problem = Static<typeof ProblemSchema>;

export const problemType = (code: string) => `urn:cinesync:problem:${code}`;

/** What Fastify's Ajv validation attaches to the error; `validationContext` is the request part. */
interface SchemaIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const PARTS: Record<string, string> = { querystring: 'query' };

function fieldErrors(issues: readonly SchemaIssue[], context: string): FieldError[] {
  const part = PARTS[context] ?? context;
  return issues.map((issue) => {
    // A missing property is reported on its parent; name the property itself.
    const missing = issue.keyword === 'required' ? issue.params.missingProperty : undefined;
    const suffix = typeof missing === 'string' ? `/${missing}` : '';
    return {
      field: `/${part}${issue.instancePath}${suffix}`,
      message: issue.message ?? 'is invalid',
    };
  });
}

function hasProp<K extends string>(value: unknown, key: K): value is Record<K, unknown> {
  return typeof value === 'object' && value !== null && key in value;
}

/** Errors whose message Fastify writes for the caller (4xx) keep it; everything else is hidden. */
function callerStatus(error: unknown): number | undefined {
  if (!hasProp(error, 'statusCode')) return undefined;
  const { statusCode } = error;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500
    ? statusCode
    : undefined;
}

/** Maps anything thrown while handling a request onto the error catalogue. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasProp(error, 'validation') && Array.isArray(error.validation)) {
    const context = hasProp(error, 'validationContext') ? String(error.validationContext) : 'body';
    return validation(fieldErrors(error.validation as SchemaIssue[], context));
  }
  const code = hasProp(error, 'code') ? error.code : undefined;
  const name = error instanceof Error ? error.name : undefined;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return badRequest('The request body is not valid JSON.', 'malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return payloadTooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', 'This content type is not supported.');
  }
  // By name as well: a copy of the resilience module bundled elsewhere still maps.
  if (error instanceof TimeoutError || name === 'TimeoutError') return upstreamTimeout();
  if (error instanceof CircuitOpenError || name === 'CircuitOpenError') {
    const ms =
      hasProp(error, 'retryAfterMs') && typeof error.retryAfterMs === 'number'
        ? error.retryAfterMs
        : undefined;
    return serviceUnavailable(undefined, ms === undefined ? undefined : ms / 1000);
  }
  // Another service gave no usable answer (kit/client): ours to report, never the caller's fault.
  if (name === 'UpstreamUnavailableError') {
    const ms =
      hasProp(error, 'retryAfterMs') && typeof error.retryAfterMs === 'number'
        ? error.retryAfterMs
        : undefined;
    const service = hasProp(error, 'service') ? String(error.service) : 'A service';
    return serviceUnavailable(
      `${service} is unavailable right now.`,
      ms === undefined ? undefined : ms / 1000,
      'upstream_unavailable',
    );
  }
  if (name === 'UpstreamAnswerError') return badGateway(undefined, 'upstream_failed');
  const status = callerStatus(error);
  if (status !== undefined && error instanceof Error) {
    return new AppError(
      status,
      (STATUS_CODES[status] ?? 'error').toLowerCase().replaceAll(/\W+/g, '_'),
      error.message,
    );
  }
  return internal(error);
}

export function toProblem(error: AppError, request: FastifyRequest): Problem {
  return {
    type: problemType(error.code),
    title: STATUS_CODES[error.status] ?? 'Error',
    status: error.status,
    code: error.code,
    detail: error.message,
    ...(error.errors ? { errors: error.errors } : {}),
    // The path only: query strings may carry tokens.
    instance: request.url.split('?')[0],
    requestId: request.id,
  };
}

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  const problem = toProblem(error, reply.request);
  return (
    reply
      .code(error.status)
      .headers(error.headers)
      // Also here: framework errors are answered before the onRequest hook that sets it.
      .header(REQUEST_ID_HEADER, reply.request.id)
      .type('application/problem+json; charset=utf-8')
      // Pre-serialised so a route's own response schema never reshapes or strips the problem.
      .send(JSON.stringify(problem))
  );
}
