/** Saved versions of a briefing: save, list, compare section by section, restore as a new state. */
import { diffWordsWithSpace } from 'diff';
import { DossierError } from '../../contract/errors';
import type { BriefingComparison, BriefingDetail } from '../../contract/model';
import { bodyText, sectionText } from '../../contract/section-text';
import type { HandlerMap } from './context';
import { getBriefingDetail } from '../store/briefings';
import { historyText, recordSectionChange } from '../store/section-history';
import { me, nowOf } from './actor';
import { getVersion, listVersions, restoreVersion, saveVersion, versionLabel, versionSnapshot } from '../store/versions';

// Moved to contract/ so the editor counts words as pre-flight does; re-exported for existing importers.
export { sectionText };

const FIELDS = ['title', 'classification', 'language', 'owner', 'deadline', 'status'] as const;

/** Compares two states of a briefing: fields that changed, then every section of either, in the newer order. */
export function compareBriefings(a: BriefingDetail, b: BriefingDetail, labels: { from: string; to: string }): BriefingComparison {
  const fields = FIELDS.filter((f) => (a[f] ?? '') !== (b[f] ?? '')).map((f) => ({ field: f, before: String(a[f] ?? ''), after: String(b[f] ?? '') }));
  const before = new Map(a.sections.map((s) => [s.id, s]));
  const after = new Set(b.sections.map((s) => s.id));
  const sections: BriefingComparison['sections'] = b.sections.map((s) => {
    const old = before.get(s.id);
    const oldText = old ? bodyText(old.body) : '';
    const newText = bodyText(s.body);
    const parts = diffWordsWithSpace(oldText, newText).map((p) => ({ value: p.value, added: p.added, removed: p.removed }));
    const changed = !old || oldText !== newText || old.title !== s.title;
    return { sectionId: s.id, kind: s.kind, change: !old ? 'added' : changed ? 'changed' : 'unchanged', titleBefore: old?.title ?? null, titleAfter: s.title, parts };
  });
  // Removed sections go where they stood before, after the section that preceded them.
  a.sections.forEach((s, i) => {
    if (after.has(s.id)) return;
    const prev = a.sections[i - 1];
    const at = prev ? sections.findIndex((x) => x.sectionId === prev.id) + 1 : 0;
    const text = bodyText(s.body);
    sections.splice(at, 0, { sectionId: s.id, kind: s.kind, change: 'removed', titleBefore: s.title, titleAfter: null, parts: text ? [{ value: text, added: false, removed: true }] : [] });
  });
  return { from: { label: labels.from, title: a.title }, to: { label: labels.to, title: b.title }, fields, sections };
}

export const versionHandlers: HandlerMap<'version.save' | 'version.list' | 'version.get' | 'version.compare' | 'version.restore'> = {
  'version.save': ({ briefingId, name }, ctx) => saveVersion(ctx.db, briefingId, name, 'manual'),
  'version.list': ({ briefingId }, { db }) => {
    getBriefingDetail(db, briefingId); // not_found for an unknown briefing rather than an empty list
    return listVersions(db, briefingId);
  },
  'version.get': ({ id }, { db }) => ({ ...getVersion(db, id), snapshot: versionSnapshot(db, id) }),
  'version.compare': ({ briefingId, from, to }, { db }) => {
    const vFrom = getVersion(db, from);
    const vTo = to === null ? null : getVersion(db, to);
    if (vFrom.briefingId !== briefingId || (vTo && vTo.briefingId !== briefingId)) {
      throw new DossierError('invalid_input', 'Both versions must belong to this briefing.', { field: vTo && vTo.briefingId !== briefingId ? 'to' : 'from' });
    }
    const a = versionSnapshot(db, from);
    const b = vTo ? versionSnapshot(db, vTo.id) : getBriefingDetail(db, briefingId);
    return compareBriefings(a, b, { from: versionLabel(vFrom), to: vTo ? versionLabel(vTo) : 'Current text' });
  },
  'version.restore': ({ id }, ctx) => {
    const v = getVersion(ctx.db, id);
    const before = new Map(getBriefingDetail(ctx.db, v.briefingId).sections.map((s) => [s.id, historyText(s)]));
    restoreVersion(ctx.db, id);
    const after = getBriefingDetail(ctx.db, v.briefingId);
    // Each section the restore changed gets an entry in its history.
    for (const s of after.sections) {
      const text = historyText(s);
      if (before.get(s.id) !== text) {
        recordSectionChange(ctx.db, { sectionId: s.id, sectionTitle: s.title, briefingId: v.briefingId, kind: 'restored', by: me(ctx), detail: versionLabel(v), before: before.get(s.id) ?? '', after: text, now: nowOf(ctx) });
      }
    }
    return after;
  },
};
