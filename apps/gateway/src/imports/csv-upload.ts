import type {} from '@fastify/multipart';
import { UnsupportedMediaTypeException } from '@nestjs/common';
import { DomainError, ErrorCode } from '@rasad/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';

/** Route config of the routes that take a file (see refuseUnknownTypeOfUpload). */
export const CSV_UPLOAD = { csvUpload: true };

// Not application/vnd.ms-excel: Windows browsers send that type for a .csv file too.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WORKBOOK = /\.xls[xmb]?$/i;

function unsupported(): UnsupportedMediaTypeException {
  return new UnsupportedMediaTypeException(
    'Send the file as text/csv (Content-Type: text/csv), or as the file field of a browser form (multipart/form-data)',
  );
}

/**
 * An onRequest hook for a type Fastify has no parser for: it would refuse it itself, before any guard, with a 415
 * that does not say what to send; on a file route the 415 says. Types it can parse (JSON, text) reach the route,
 * where a caller without a token still gets 401 first, and then uploadedCsv's 415.
 */
export function refuseUnknownTypeOfUpload(fastify: FastifyInstance) {
  return (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void => {
    const type = request.headers['content-type']?.split(';')[0].trim();
    const upload = (request.routeOptions.config as Partial<typeof CSV_UPLOAD>).csvUpload;
    done(upload && type && !fastify.hasContentTypeParser(type) ? unsupported() : undefined);
  };
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
    if (WORKBOOK.test(part.filename) || part.mimetype === XLSX) {
      part.file.resume();
      throw new UnsupportedMediaTypeException(
        `${part.filename} is an Excel workbook: save it as CSV UTF-8 (File, Save As) and send the .csv file`,
      );
    }
    return part.file;
  }
  if (request.body instanceof Readable) {
    return request.body;
  }
  throw unsupported();
}
