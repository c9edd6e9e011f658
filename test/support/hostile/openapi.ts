/** The part of an OpenAPI 3 document the hostile-body suite reads: operations, their parameters and JSON bodies. */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  nullable?: boolean;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  method: string;
  /** As the document writes it: `/api/v1/briefings/{id}/invitations/{invitationId}`. */
  path: string;
  pathParams: string[];
  query: Parameter[];
  /** The JSON body's schema, with `$ref`s resolved; undefined when the route takes no JSON body. */
  body?: Schema;
  /** The media types the route declares for its body (`application/json`, `text/csv`). */
  bodyTypes: string[];
  /**
   * For a CSV import (`POST /api/v1/imports/personnel`), the JSON body of the create route it loads rows through
   * (`POST /api/v1/personnel`): the file's columns are that body's field names.
   */
  csvRow?: Schema;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const resolve = resolver(doc);
  const operations = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]): Operation => {
        const parameters = op.parameters ?? [];
        const content = op.requestBody?.content ?? {};
        const json = content['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          query: parameters.filter((p) => p.in === 'query').map((p) => ({ ...p, schema: resolve(p.schema ?? {}) })),
          body: json ? resolve(json) : undefined,
          bodyTypes: Object.keys(content),
        };
      }),
  );
  for (const operation of operations.filter((op) => op.bodyTypes.includes('text/csv'))) {
    const loaded = operation.path.split('/').pop();
    operation.csvRow = operations.find((op) => op.method === 'POST' && op.path === `/api/v1/${loaded}`)?.body;
  }
  return operations;
}

/** Inlines `$ref` and single-element `allOf` (how @nestjs/swagger documents a described nested DTO), deeply. */
function resolver(doc: OpenApiDocument): (schema: Schema) => Schema {
  const schemas = doc.components?.schemas ?? {};
  const resolve = (schema: Schema, seen: string[] = []): Schema => {
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (seen.includes(name)) {
        return { type: 'object' };
      }
      return resolve(schemas[name] ?? { type: 'object' }, [...seen, name]);
    }
    if (schema.allOf?.length === 1) {
      const { allOf, ...rest } = schema;
      return { ...resolve(allOf[0], seen), ...rest };
    }
    return {
      ...schema,
      items: schema.items ? resolve(schema.items, seen) : undefined,
      properties: schema.properties
        ? Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, resolve(value, seen)]))
        : undefined,
    };
  };
  return (schema) => resolve(schema);
}
