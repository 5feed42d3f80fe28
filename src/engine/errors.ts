/**
 * Errors the engine and its callers raise for bad input. `code` is stable (tests and the CLI
 * assert on it); `message` is one line a person can act on and names the field or column.
 */
export type InputErrorCode =
  | 'missing_column'
  | 'empty_input'
  | 'not_csv'
  | 'too_few_examples'
  | 'bad_value'
  | 'bad_argument'
  | 'unknown_model_version'
  | 'bad_model'
  | 'too_large';

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
  }
}
