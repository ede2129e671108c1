import type { FieldError } from '@cinesync/kit/http';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

interface SchemaIssue {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * TypeBox's errors turned into one readable problem per field, each a JSON pointer under
 * `prefix`: a missing property is named itself (not its parent), a union reports once what it
 * accepts instead of one complaint per branch.
 */
export function schemaErrors(schema: TSchema, value: unknown, prefix: string): FieldError[] {
  const issues = [...Value.Errors(schema, value)] as SchemaIssue[];
  const unions = issues.filter((issue) => issue.keyword === 'anyOf');
  const inBranch = (issue: SchemaIssue, union: SchemaIssue) =>
    issue.schemaPath.startsWith(`${union.schemaPath}/anyOf/`) &&
    issue.instancePath.startsWith(union.instancePath);

  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = `${prefix}${issue.instancePath}`;
    if (issue.keyword === 'anyOf') {
      const types = issues
        .filter((other) => other.keyword === 'type' && inBranch(other, issue))
        .map((other) => String(other.params.type));
      const accepted = [...new Set(types)];
      errors.push({
        field,
        message: accepted.length > 0 ? `must be ${listJoin(accepted)}` : 'is not a valid value',
      });
    } else if (unions.some((union) => inBranch(issue, union))) {
      // Reported once by its union.
    } else if (issue.keyword === 'required') {
      const missing = issue.params.requiredProperties;
      for (const name of Array.isArray(missing) ? missing : []) {
        errors.push({ field: `${field}/${String(name)}`, message: 'is required' });
      }
    } else if (issue.keyword === 'additionalProperties') {
      // Each offending property has its own `boolean` issue, which names it.
    } else if (issue.keyword === 'boolean' && issue.schemaPath.endsWith('/additionalProperties')) {
      errors.push({ field, message: 'is not an allowed name here' });
    } else {
      errors.push({ field, message: issue.message });
    }
  }
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.field}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
