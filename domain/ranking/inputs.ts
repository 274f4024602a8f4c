/**
 * What a village did in a month, as the scoring reads it. Activities assemble this from the ledger (items and
 * their audit events) and the inspection records; the domain never reads a database.
 */

export interface InspectionInput {
  /** Stable id of the inspection record; appeals and breakdown lines point at it. */
  id: string;
  dimension: string;
  /** 0–100 as scored on the ground. */
  score: number;
  inspectorName: string;
  /** 'YYYY-MM-DD' */
  inspectedOn: string;
  /** Problems found, each as the inspector wrote it. */
  problems: string[];
  photoCount: number;
}

/** A supervision item owned by the village, with the audit events that matter for the month. */
export interface ItemOutcome {
  id: string;
  title: string;
  status: string;
  /** The deadline as assigned; assessment never uses an extended one. */
  originalDueAt: string;
  /** Set when the item was completed (办结). */
  closedAt?: string;
  returns: { seq: number; at: string; reason: string }[];
  escalations: { seq: number; at: string; level: number }[];
}

export interface VillageInput {
  villageId: string;
  name: string;
  townshipId: string;
  townshipName: string;
  inspections: InspectionInput[];
  items: ItemOutcome[];
}

/** Effects of accepted appeals (申诉成立): the inspection no longer counts, the item is left out of the month. */
export interface Overrides {
  voidedInspectionIds: string[];
  excludedItemIds: string[];
}

export const NO_OVERRIDES: Overrides = { voidedInspectionIds: [], excludedItemIds: [] };
