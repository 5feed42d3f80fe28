import type { ResolverKey } from '@contracts/resolvers';

/** What a section may do: run one action (the panel re-fetches afterwards) and know what is busy. */
export interface PanelActions {
  busy: string | null;
  /**
   * `done` is the catalogue text the success flag shows; `undo` is the resolver call that takes
   * the action back, offered on that flag with `undo.done` as its own success text.
   */
  run: (
    actionId: string,
    done: string,
    key: ResolverKey,
    payload: Record<string, unknown>,
    options?: { undo?: UndoCall },
  ) => Promise<void>;
}

export interface UndoCall {
  key: ResolverKey;
  payload: Record<string, unknown>;
  done: string;
}
