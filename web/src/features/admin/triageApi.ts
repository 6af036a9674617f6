import { apiFetch } from '../../api/http';

export type PriorityName = 'high' | 'normal' | 'low';

export interface SlaTarget {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

export type SlaTargets = Record<PriorityName, SlaTarget>;

export interface RoutingRule {
  name: string;
  keywords: string[];
  channels: string[];
  departmentIds: string[];
  /** Taxonomy names; absent from servers that predate topics. */
  topics?: string[];
  products?: string[];
}

export interface TaxonomyEntry {
  name: string;
  keywords: string[];
}

export interface TaxonomyView {
  topics: TaxonomyEntry[];
  products: TaxonomyEntry[];
  lastChange: { id: number; actor: string; at: string } | null;
}

export interface RoutingRulesView {
  triageDepartmentId: string;
  rules: RoutingRule[];
  departments: { id: string; name: string }[];
  lastChange: { id: number; actor: string; at: string } | null;
}

/** The admin calls for SLA targets and routing rules. */
export const triageApi = {
  sla(signal?: AbortSignal): Promise<SlaTargets> {
    return apiFetch('/api/admin/sla', { signal });
  },
  saveSla(targets: SlaTargets): Promise<SlaTargets> {
    return apiFetch('/api/admin/sla', { method: 'PUT', body: targets });
  },
  routing(signal?: AbortSignal): Promise<RoutingRulesView> {
    return apiFetch('/api/admin/routing-rules', { signal });
  },
  saveRouting(triageDepartmentId: string, rules: RoutingRule[]): Promise<unknown> {
    return apiFetch('/api/admin/routing-rules', { method: 'PUT', body: { triageDepartmentId, rules } });
  },
  taxonomy(signal?: AbortSignal): Promise<TaxonomyView> {
    return apiFetch('/api/admin/taxonomy', { signal });
  },
  saveTaxonomy(topics: TaxonomyEntry[], products: TaxonomyEntry[]): Promise<{ topics: TaxonomyEntry[]; products: TaxonomyEntry[] }> {
    return apiFetch('/api/admin/taxonomy', { method: 'PUT', body: { topics, products } });
  },
};

/** "crash, dark mode ,, bug" → ["crash", "dark mode", "bug"]. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Moves the item at `from` one place up (-1) or down (+1); out-of-range moves return the list unchanged. */
export function move<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}
