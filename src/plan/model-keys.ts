/** Which keys the model allows at a plan path, for did-you-mean suggestions. */
import type { z } from 'zod';

type AnySchema = z.ZodType;

/** Keys of the object schema found by walking `path` through objects, arrays, optionals and unions. */
export function keysAt(schema: AnySchema, path: readonly (string | number)[]): string[] {
  const objects = objectsAt(schema, path);
  return [...new Set(objects.flatMap((o) => Object.keys(o.shape)))];
}

function objectsAt(schema: AnySchema, path: readonly (string | number)[]): z.ZodObject[] {
  const s = unwrap(schema);
  const def = s.def as { type: string } & Record<string, unknown>;
  if (def.type === 'union') {
    return (def.options as AnySchema[]).flatMap((o) => objectsAt(o, path));
  }
  if (path.length === 0) return def.type === 'object' ? [s as z.ZodObject] : [];
  const [head, ...rest] = path;
  if (def.type === 'array' && typeof head === 'number') return objectsAt(def.element as AnySchema, rest);
  if (def.type === 'object' && typeof head === 'string') {
    const child = (s as z.ZodObject).shape[head] as AnySchema | undefined;
    return child ? objectsAt(child, rest) : [];
  }
  return [];
}

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const def = s.def as { type: string; innerType?: AnySchema; getter?: () => AnySchema };
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) s = def.innerType;
    else if (def.type === 'lazy' && def.getter) s = def.getter();
    else return s;
  }
}
