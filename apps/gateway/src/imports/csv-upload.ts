import type {} from '@fastify/multipart';
import { UnsupportedMediaTypeException } from '@nestjs/common';
import { DomainError, ErrorCode } from '@rasad/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';

/** Route config of the routes that take a file: requests of any other type are refused before their body is read. */
export const CSV_UPLOAD = { csvUpload: true };

const UPLOAD_TYPES = new Set(['text/csv', 'application/csv', 'multipart/form-data']);

function unsupported(): UnsupportedMediaTypeException {
  return new UnsupportedMediaTypeException(
    'Send the file as text/csv (Content-Type: text/csv), or as the file field of a browser form (multipart/form-data)',
  );
}

/**
 * An onRequest hook: Fastify would answer a type it has no parser for with a 415 that does not say what to send,
 * and parse JSON or text it does have one for; a file route refuses both, saying to send CSV.
 */
export function refuseOtherThanCsv(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void {
  const type = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
  const upload = (request.routeOptions.config as Partial<typeof CSV_UPLOAD>).csvUpload;
  done(upload && !(type && UPLOAD_TYPES.has(type)) ? unsupported() : undefined);
}

/** The file, streamed: the text/csv body itself, or the one file field of a form a browser sent. */
export async function uploadedCsv(request: FastifyRequest): Promise<Readable> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part) {
      throw new DomainError(ErrorCode.ValidationFailed, 'the form has no file: attach the CSV file to a file field', [
        { field: '(file)', message: 'no file in the form' },
      ]);
    }
    return part.file;
  }
  if (request.body instanceof Readable) {
    return request.body;
  }
  throw unsupported();
}
