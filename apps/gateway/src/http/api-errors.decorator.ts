import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorView } from '@rasad/contracts';

const DESCRIPTIONS: Record<number, string> = {
  400: 'A field is invalid or not accepted; `errors` names each field',
  404: 'No such record',
  409: 'Conflicts with another record, which the message names',
  422: 'A referenced record does not exist, or (imports) rows are invalid; `errors` lists {row, field, message}',
  503: 'The service behind this route is not answering',
  504: 'The service did not answer in time',
};

/** Documents the error answers of a route; 400, 503 and 504 apply to every route that reaches a service. */
export function ApiErrors(...statuses: (404 | 409 | 422)[]) {
  return applyDecorators(
    ...[400, ...statuses, 503, 504].map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorView }),
    ),
  );
}
