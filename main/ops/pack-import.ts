import type { HandlerMap } from './context';
export const packImportHandlers: HandlerMap<'pack.importPreview' | 'pack.import'> = {
  'pack.importPreview': () => { throw new Error('todo'); },
  'pack.import': () => { throw new Error('todo'); },
};
