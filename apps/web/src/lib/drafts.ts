import { useEffect } from 'react';

// What a user has entered on a page and not yet saved, kept in the running app's memory only: leaving the page by a link
// or the menu and coming back finds it again; a reload or a logout (device-data.ts) forgets it, so a shared tablet keeps
// nothing of one user's unsaved work for the next.
const drafts = new Map<string, unknown>();

/** The draft under `key`, as `isDraft` recognises it; anything else is no draft. */
export function readDraft<T>(key: string, isDraft: (value: unknown) => value is T): T | undefined {
  const value = drafts.get(key);
  return isDraft(value) ? value : undefined;
}

export function writeDraft(key: string, value: unknown): void {
  drafts.set(key, value);
}

export function forgetDraft(key: string): void {
  drafts.delete(key);
}

export function clearDrafts(): void {
  drafts.clear();
}

/** While `unsaved`, closing or reloading the tab asks first (the browser's own question; its text cannot be set). */
export function useConfirmUnload(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return undefined;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);
}
