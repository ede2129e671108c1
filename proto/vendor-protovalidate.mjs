// Writes proto/buf/validate/validate.proto from the file descriptor embedded in the installed
// @bufbuild/protovalidate, so buf compiles exactly the rules that runtime evaluates, with no
// network and no BSR dependency. Run after upgrading @bufbuild/protovalidate:
//
//   node proto/vendor-protovalidate.mjs > proto/buf/validate/validate.proto
//
// The descriptor has no comments (protoc-gen-es strips source info); buf compiles the output back
// to a byte-identical descriptor, checked by `checkRoundTrip` below when given --check <image>.
import { readFileSync } from 'node:fs';
import { equals, fromBinary, getExtension, hasExtension } from '@bufbuild/protobuf';
import { reflect } from '@bufbuild/protobuf/reflect';
import { toText } from '@bufbuild/protobuf/txtpb';
import {
  EnumOptionsSchema,
  EnumValueOptionsSchema,
  FieldDescriptorProtoSchema,
  FieldOptionsSchema,
  FileDescriptorProtoSchema,
  FileDescriptorSetSchema,
  FileOptionsSchema,
  FieldDescriptorProto_Label as Label,
  MessageOptionsSchema,
  OneofOptionsSchema,
  FieldDescriptorProto_Type as Type,
} from '@bufbuild/protobuf/wkt';
import * as pv from '@bufbuild/protovalidate/gen/buf/validate/validate_pb.js';

const file = pv.file_buf_validate_validate.proto;
const extensions = [pv.predefined, pv.field, pv.message, pv.oneof];
const SCALARS = {
  [Type.DOUBLE]: 'double',
  [Type.FLOAT]: 'float',
  [Type.INT64]: 'int64',
  [Type.UINT64]: 'uint64',
  [Type.INT32]: 'int32',
  [Type.FIXED64]: 'fixed64',
  [Type.FIXED32]: 'fixed32',
  [Type.BOOL]: 'bool',
  [Type.STRING]: 'string',
  [Type.BYTES]: 'bytes',
  [Type.UINT32]: 'uint32',
  [Type.SFIXED32]: 'sfixed32',
  [Type.SFIXED64]: 'sfixed64',
  [Type.SINT32]: 'sint32',
  [Type.SINT64]: 'sint64',
};
const MAX_FIELD_NUMBER = 536870911;

const out = [];
const line = (depth, text) => out.push('  '.repeat(depth) + text);
const local = (name) => name.replace(/^\.buf\.validate\./, '');
const indented = (text) =>
  text
    .trim()
    .split('\n')
    .map((row) => `  ${row.trim()}\n`)
    .join('');

/** Every option set on an options message, as `name = value`; refuses what it cannot print. */
function options(schema, value) {
  if (!value) return [];
  const list = [];
  const message = reflect(schema, value);
  for (const field of message.fields) {
    if (field.name === 'uninterpreted_option' || !message.isSet(field)) continue;
    const v = message.get(field);
    if (field.fieldKind === 'scalar') {
      list.push(`${field.name} = ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
    } else if (field.fieldKind === 'enum') {
      list.push(`${field.name} = ${field.enum.value[v].name}`);
    } else {
      throw new Error(`cannot print option ${schema.typeName}.${field.name}`);
    }
  }
  const known = new Set();
  for (const ext of extensions) {
    if (ext.extendee.typeName !== schema.typeName) continue;
    known.add(ext.number);
    if (!hasExtension(value, ext)) continue;
    const v = getExtension(value, ext);
    const name = local(`.${ext.typeName}`);
    if (ext === pv.predefined && Object.keys(v).every((k) => k === 'cel' || k.startsWith('$'))) {
      for (const rule of v.cel)
        list.push(`(${name}).cel = {\n${indented(toText(pv.RuleSchema, rule))}}`);
    } else {
      list.push(`(${name}) = {\n${indented(toText(ext.message, v))}}`);
    }
  }
  for (const unknown of value.$unknown ?? []) {
    if (!known.has(unknown.no))
      throw new Error(`unknown option ${unknown.no} on ${schema.typeName}`);
  }
  return list;
}

function printField(field, inOneof, depth) {
  if (field.type === Type.GROUP) throw new Error('groups are not supported');
  const label = inOneof
    ? ''
    : field.label === Label.REPEATED
      ? 'repeated '
      : field.label === Label.REQUIRED
        ? 'required '
        : 'optional ';
  const type = field.typeName ? local(field.typeName) : SCALARS[field.type];
  const opts = options(FieldOptionsSchema, field.options);
  if (field.defaultValue) {
    const quoted =
      field.type === Type.STRING ? JSON.stringify(field.defaultValue) : field.defaultValue;
    opts.unshift(`default = ${quoted}`);
  }
  const camel = field.name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
  if (field.jsonName && field.jsonName !== camel)
    opts.unshift(`json_name = ${JSON.stringify(field.jsonName)}`);
  const head = `${label}${type} ${field.name} = ${field.number}`;
  if (opts.length === 0) return line(depth, `${head};`);
  line(depth, `${head} [`);
  opts.forEach((option, i) => {
    for (const row of `${option}${i < opts.length - 1 ? ',' : ''}`.split('\n'))
      line(depth + 1, row);
  });
  line(depth, '];');
}

function printEnum(e, depth) {
  line(depth, `enum ${e.name} {`);
  for (const option of options(EnumOptionsSchema, e.options)) line(depth + 1, `option ${option};`);
  for (const v of e.value) {
    const opts = options(EnumValueOptionsSchema, v.options);
    line(depth + 1, `${v.name} = ${v.number}${opts.length ? ` [${opts.join(', ')}]` : ''};`);
  }
  // Enum reserved ranges include their end; message ones do not.
  for (const r of e.reservedRange)
    line(depth + 1, `reserved ${r.start === r.end ? r.start : `${r.start} to ${r.end}`};`);
  for (const name of e.reservedName) line(depth + 1, `reserved ${JSON.stringify(name)};`);
  line(depth, '}');
}

function printMessage(m, depth) {
  line(depth, `message ${m.name} {`);
  for (const option of options(MessageOptionsSchema, m.options))
    line(depth + 1, `option ${option};`);
  for (const e of m.enumType) printEnum(e, depth + 1);
  for (const nested of m.nestedType) printMessage(nested, depth + 1);
  const printed = new Set();
  for (const field of m.field) {
    const index = oneofOf(field);
    if (index === undefined) {
      printField(field, false, depth + 1);
      continue;
    }
    if (printed.has(index)) continue;
    printed.add(index);
    const oneof = m.oneofDecl[index];
    line(depth + 1, `oneof ${oneof.name} {`);
    for (const option of options(OneofOptionsSchema, oneof.options))
      line(depth + 2, `option ${option};`);
    for (const member of m.field.filter((f) => oneofOf(f) === index))
      printField(member, true, depth + 2);
    line(depth + 1, '}');
  }
  for (const r of m.extensionRange) {
    line(depth + 1, `extensions ${r.start} to ${r.end > MAX_FIELD_NUMBER ? 'max' : r.end - 1};`);
  }
  for (const r of m.reservedRange)
    line(depth + 1, `reserved ${r.end - 1 === r.start ? r.start : `${r.start} to ${r.end - 1}`};`);
  for (const name of m.reservedName) line(depth + 1, `reserved ${JSON.stringify(name)};`);
  if (m.extension.length > 0) throw new Error('nested extensions are not supported');
  line(depth, '}');
}

/** The oneof a field belongs to; oneof_index 0 is a real value, so presence is what counts. */
function oneofOf(field) {
  const message = reflect(FieldDescriptorProtoSchema, field);
  const oneofIndex = FieldDescriptorProtoSchema.field.oneofIndex;
  return message.isSet(oneofIndex) ? field.oneofIndex : undefined;
}

function print() {
  const pkg = JSON.parse(
    readFileSync(new URL('../node_modules/@bufbuild/protovalidate/package.json', import.meta.url)),
  );
  const header = [
    '// Copyright 2023-2025 Buf Technologies, Inc.',
    '//',
    '// Licensed under the Apache License, Version 2.0 (the "License");',
    '// you may not use this file except in compliance with the License.',
    '// You may obtain a copy of the License at',
    '//',
    '//      http://www.apache.org/licenses/LICENSE-2.0',
    '//',
    '// Unless required by applicable law or agreed to in writing, software',
    '// distributed under the License is distributed on an "AS IS" BASIS,',
    '// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.',
    '// See the License for the specific language governing permissions and',
    '// limitations under the License.',
    '',
    `// Vendored from @bufbuild/protovalidate ${pkg.version}: printed from the descriptor that package`,
    '// embeds (comments are not in it) by proto/vendor-protovalidate.mjs. Do not edit by hand.',
    '',
  ];
  out.push(...header);
  line(0, file.syntax === 'proto3' ? 'syntax = "proto3";' : 'syntax = "proto2";');
  line(0, '');
  line(0, `package ${file.package};`);
  line(0, '');
  for (const dependency of file.dependency) line(0, `import "${dependency}";`);
  line(0, '');
  for (const option of options(FileOptionsSchema, file.options)) line(0, `option ${option};`);
  line(0, '');
  const byExtendee = new Map();
  for (const ext of file.extension)
    byExtendee.set(ext.extendee, [...(byExtendee.get(ext.extendee) ?? []), ext]);
  for (const [extendee, list] of byExtendee) {
    line(0, `extend ${extendee.replace(/^\./, '')} {`);
    for (const ext of list) printField(ext, false, 1);
    line(0, '}');
    line(0, '');
  }
  for (const m of file.messageType) {
    printMessage(m, 0);
    line(0, '');
  }
  for (const e of file.enumType) {
    printEnum(e, 0);
    line(0, '');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

/** With `--check image.binpb` (from `buf build -o`), confirms the vendored file round-trips. */
function checkRoundTrip(imagePath) {
  const image = fromBinary(FileDescriptorSetSchema, readFileSync(imagePath));
  const built = image.file.find((f) => f.name === file.name);
  if (!built || !equals(FileDescriptorProtoSchema, built, file)) {
    process.stderr.write('validate.proto does not compile to the runtime descriptor\n');
    process.exit(1);
  }
  process.stdout.write('validate.proto matches the runtime descriptor\n');
}

const at = process.argv.indexOf('--check');
if (at >= 0) checkRoundTrip(process.argv[at + 1]);
else process.stdout.write(print());
