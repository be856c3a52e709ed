/**
 * Results kept in the browser (IndexedDB) per (data set, contestant, prep), so that a lecturer can compute
 * the full table once before class and reopen it instantly (docs/realdata.md §6). A result is only ever a
 * function of its key: the key names the protocol version, the data set (a shipped name, or the user's file
 * by content hash, label column and seed), the contestant and `prep`. Where IndexedDB is missing or refuses
 * (a private window), nothing is kept and the app says so once.
 */
import type { ContestantName } from '../core/realdata/contestants';
import type { Prep } from '../core/realdata/dataset';
import type { ContestantResult } from '../core/realdata/types';

/** Bumped whenever the protocol or a contestant changes what it computes: older kept results are then ignored. */
export const PROTOCOL_VERSION = 1;

const DB_NAME = 'ntk-laplace-explorer';
const STORE = 'realdata';

export const resultKey = (dataset: string, contestant: ContestantName, prep: Prep) =>
  `v${PROTOCOL_VERSION}|${dataset}|${contestant}|${prep}`;

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  if (opened) return opened;
  opened = new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') throw new Error('this browser has no IndexedDB');
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      // a newer version of the app opened in another tab asks to upgrade: let it
      request.result.onversionchange = () => request.result.close();
      resolve(request.result);
    };
    request.onblocked = () => reject(new Error('another tab of this app holds an older version of its storage open'));
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused to open'));
  });
  opened.catch(() => {
    opened = null;
  });
  return opened;
}

function transaction<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return database().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const request = work(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(request.result);
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

/** What is stored under a key: the key again (one read returns both) and the result. */
interface Kept {
  key: string;
  result: ContestantResult;
}

/** Every kept result of this protocol version, by key. */
export async function readKept(): Promise<Record<string, ContestantResult>> {
  const prefix = `v${PROTOCOL_VERSION}|`;
  const kept = await transaction('readonly', (s) => s.getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`)));
  return Object.fromEntries((kept as Kept[]).map(({ key, result }) => [key, result]));
}

export function keep(key: string, result: ContestantResult): Promise<unknown> {
  return transaction('readwrite', (s) => s.put({ key, result } satisfies Kept, key));
}

export function forgetKept(): Promise<unknown> {
  return transaction('readwrite', (s) => s.clear());
}
