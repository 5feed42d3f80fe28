/** One CLI command: `name` may have several words (`eval classify`). */
export interface Command {
  name: string;
  summary: string;
  run(argv: readonly string[]): Promise<number>;
}
