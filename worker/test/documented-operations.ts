import { app } from '../src/app.ts';
import { generateDocument } from '../src/features/openapi/generate.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface DocumentedOperation {
  method: (typeof HTTP_METHODS)[number];
  /** The OpenAPI path, with `{param}` placeholders. */
  path: string;
  auth: 'none' | 'user' | 'admin';
}

/** Every operation of the generated OpenAPI document, with who may call it (from its `security`). */
export async function documentedOperations(): Promise<DocumentedOperation[]> {
  const document = await generateDocument(app);
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const schemes = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement));
      const auth = schemes.includes('adminToken') ? 'admin' : schemes.includes('bearer') ? 'user' : 'none';
      return [{ method, path, auth }];
    }),
  );
}
