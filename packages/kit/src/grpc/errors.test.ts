import { Code, ConnectError } from '@connectrpc/connect';
import { describe, expect, it } from 'vitest';
import { AppError, conflict, notFound, validation } from '../http/index.js';
import { TimeoutError } from '../resilience/index.js';
import { ERROR_CODE_HEADER, fromConnectError, toConnectError } from './errors.js';

describe('errors between the catalogue and gRPC statuses', () => {
  it('server side keeps the stable code and the message meant for the caller', () => {
    const missing = toConnectError(notFound('There is no item 7.', 'item_not_found'));
    expect(missing.code).toBe(Code.NotFound);
    expect(missing.rawMessage).toBe('There is no item 7.');
    expect(missing.metadata.get(ERROR_CODE_HEADER)).toBe('item_not_found');

    expect(toConnectError(conflict('Short.', 'insufficient_stock')).code).toBe(
      Code.FailedPrecondition,
    );
    const invalid = toConnectError(validation([{ field: '/count', message: 'must be > 0' }]));
    expect(invalid.code).toBe(Code.InvalidArgument);
    expect(invalid.rawMessage).toMatch(/\/count: must be > 0/);
    expect(toConnectError(new TimeoutError(5)).code).toBe(Code.DeadlineExceeded);
  });

  it('server side hides what an unexpected error says', () => {
    const error = toConnectError(new Error('password=hunter2 in connection string'));
    expect(error.code).toBe(Code.Internal);
    expect(error.rawMessage).toBe('The service failed.');
  });

  it('client side: a callee 4xx stays itself, its failures become 502/503/504', () => {
    const notFoundThere = new ConnectError('There is no item 7.', Code.NotFound, {
      [ERROR_CODE_HEADER]: 'item_not_found',
    });
    expect(fromConnectError(notFoundThere, 'inventory')).toMatchObject({
      status: 404,
      code: 'item_not_found',
      message: 'There is no item 7.',
    });
    expect(fromConnectError(new ConnectError('x', Code.DeadlineExceeded), 'inventory').status).toBe(
      504,
    );
    expect(fromConnectError(new ConnectError('x', Code.Unavailable), 'inventory').status).toBe(503);
    const internal = fromConnectError(
      new ConnectError('secret detail', Code.Internal),
      'inventory',
    );
    expect(internal).toBeInstanceOf(AppError);
    expect(internal.status).toBe(502);
    expect(internal.message).not.toMatch(/secret/);
  });
});
