/**
 * Issued packs and their addenda (the packs table): the frozen PDF bytes, their SHA-256, the page map and a
 * snapshot of the briefing as issued. Rows are only ever added: an issued pack never changes, later changes go out
 * as numbered addenda or as a new edition.
 */
import { notFound } from '../../contract/errors';
import type { BriefingDetail, BriefingRecord, IssuedPack, PackVariant } from '../../contract/model';
import { briefingOf, briefingRecord } from '../../contract/section-content';
import type { ReadDb, WriteDb } from './db';
import { all, get, run } from './sql';

interface Row {
  id: number;
  briefing_id: number;
  variant: string;
  edition: number;
  addendum_of: number | null;
  addendum_number: number | null;
  title: string;
  issued_at: string;
  sha256: string;
  pages: number;
  page_map: string;
  bytes: number;
}
const COLUMNS = 'id, briefing_id, variant, edition, addendum_of, addendum_number, title, issued_at, sha256, pages, page_map, length(pdf) AS bytes';
const toPack = (r: Row): IssuedPack => ({
  id: r.id,
  briefingId: r.briefing_id,
  variant: r.variant as PackVariant,
  edition: r.edition,
  addendumOf: r.addendum_of,
  addendumNumber: r.addendum_number,
  title: r.title,
  issuedAt: r.issued_at,
  sha256: r.sha256,
  pages: r.pages,
  bytes: r.bytes,
  pageMap: JSON.parse(r.page_map) as IssuedPack['pageMap'],
});

export interface NewIssuedPack {
  briefingId: number;
  variant: PackVariant;
  edition: number;
  addendumOf: number | null;
  addendumNumber: number | null;
  title: string;
  issuedAt: string;
  sha256: string;
  pages: number;
  pageMap: IssuedPack['pageMap'];
  snapshot: BriefingDetail;
  pdf: Buffer;
}

export function insertIssuedPack(db: WriteDb, p: NewIssuedPack): IssuedPack {
  const id = Number(
    run(
      db,
      `INSERT INTO packs (briefing_id, variant, edition, addendum_of, addendum_number, title, issued_at, sha256, pages, page_map, snapshot, pdf)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      p.briefingId,
      p.variant,
      p.edition,
      p.addendumOf,
      p.addendumNumber,
      p.title,
      p.issuedAt,
      p.sha256,
      p.pages,
      JSON.stringify(p.pageMap),
      JSON.stringify(briefingRecord(p.snapshot)),
      p.pdf,
    ).lastInsertRowid,
  );
  return getIssuedPack(db, id);
}

export function getIssuedPack(db: ReadDb, id: number): IssuedPack {
  const r = get<Row>(db, `SELECT ${COLUMNS} FROM packs WHERE id = ?`, id);
  if (!r) throw notFound('Issued pack', id);
  return toPack(r);
}

/** Every issued pack and addendum of the given briefings: editions in order, each followed by its addenda. */
export function listIssuedPacks(db: ReadDb, briefingIds: readonly number[]): IssuedPack[] {
  if (briefingIds.length === 0) return [];
  return all<Row>(
    db,
    `SELECT ${COLUMNS} FROM packs WHERE briefing_id IN (SELECT value FROM json_each(?))
      ORDER BY briefing_id, coalesce(addendum_of, id), addendum_number IS NOT NULL, addendum_number, id`,
    JSON.stringify(briefingIds),
  ).map(toPack);
}

export function issuedPdf(db: ReadDb, id: number): Buffer {
  const r = get<{ pdf: Buffer }>(db, 'SELECT pdf FROM packs WHERE id = ?', id);
  if (!r) throw notFound('Issued pack', id);
  return r.pdf;
}

export function issuedSnapshot(db: ReadDb, id: number): BriefingDetail {
  const r = get<{ snapshot: string }>(db, 'SELECT snapshot FROM packs WHERE id = ?', id);
  if (!r) throw notFound('Issued pack', id);
  return briefingOf(JSON.parse(r.snapshot) as BriefingRecord);
}

/** The latest edition issued of a briefing's variant (not an addendum), or null. */
export function latestEdition(db: ReadDb, briefingId: number, variant: PackVariant): IssuedPack | null {
  const r = get<Row>(db, `SELECT ${COLUMNS} FROM packs WHERE briefing_id = ? AND variant = ? AND addendum_of IS NULL ORDER BY edition DESC, id DESC LIMIT 1`, briefingId, variant);
  return r ? toPack(r) : null;
}

/** The addenda of an issued pack, in order. */
export function addendaOf(db: ReadDb, packId: number): IssuedPack[] {
  return all<Row>(db, `SELECT ${COLUMNS} FROM packs WHERE addendum_of = ? ORDER BY addendum_number`, packId).map(toPack);
}
