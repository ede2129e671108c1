import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import type { Path } from '@bufbuild/protobuf/reflect';
import { createValidator } from '@bufbuild/protovalidate';
import { Code, ConnectError, type Interceptor } from '@connectrpc/connect';
import type { FieldError } from '../http/index.js';
import { ERROR_CODE_HEADER } from './errors.js';

// One validator per process: it compiles each message's rules once and keeps them.
const validator = createValidator();

/** A JSON pointer with the fields' JSON names, like the REST API reports them: `/items/0/count`. */
function pointer(path: Path): string {
  const parts = path.map((item) => {
    switch (item.kind) {
      case 'field':
        return item.jsonName;
      case 'list_sub':
        return String(item.index);
      case 'map_sub':
        return String(item.key);
      default:
        return item.name;
    }
  });
  return `/${parts.join('/')}`;
}

/** The rules of the message's .proto (buf.validate) it breaks; empty when it is valid. */
export function violations<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
): FieldError[] {
  const result = validator.validate(schema, message);
  if (result.kind === 'valid') return [];
  // A rule that cannot be compiled or evaluated is our bug, not the caller's.
  if (result.kind === 'error') throw result.error;
  return result.violations.map((violation) => ({
    field: pointer(violation.field),
    message: violation.message,
  }));
}

/**
 * Server interceptor: refuses a request message that breaks its contract's rules with
 * INVALID_ARGUMENT, naming every broken field, before the handler runs.
 */
export const validationInterceptor: Interceptor = (next) => async (request) => {
  if (!request.stream) {
    const broken = violations(request.method.input, request.message);
    if (broken.length > 0) {
      throw new ConnectError(
        broken.map((error) => `${error.field}: ${error.message}`).join('; '),
        Code.InvalidArgument,
        { [ERROR_CODE_HEADER]: 'validation_failed' },
      );
    }
  }
  return next(request);
};
