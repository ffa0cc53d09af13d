/** The result document `truce-result/1`: what `scenario run` prints and `findings --json` equals. */
import type { Evaluation } from '../domain/findings.ts';
import { formatInstant } from '../domain/time.ts';

export const RESULT_FORMAT = 'truce-result/1';

export interface ResultDocument {
  format: typeof RESULT_FORMAT;
  findings: {
    incident: string;
    agreement: string | null;
    verdict: string;
    violator: string | null;
    reasons: string[];
    explanation: string;
  }[];
  territory: {
    zone: string;
    at: string;
    agreement: string;
    verdict: string;
    violators: string[];
    reasons: string[];
    explanation: string;
  }[];
  deconfliction: { operation: string; conflicts: { site: string; clearance_m: number; notified: boolean }[] }[];
  convoys: { convoy: string; required_approvals: string[]; crosses_excluded: string[] }[];
  calm: {
    agreement: string;
    days: { date: string; violations: number; calm: boolean; streak: number }[];
    reduced_violence_on: string | null;
  } | null;
}

export function toResultDocument(e: Evaluation): ResultDocument {
  return {
    format: RESULT_FORMAT,
    findings: e.findings.map((f) => ({
      incident: f.incident,
      agreement: f.agreement,
      verdict: f.verdict,
      violator: f.violator,
      reasons: f.reasons,
      explanation: f.explanation,
    })),
    territory: e.territory.map((t) => ({
      zone: t.zone,
      at: formatInstant(t.at),
      agreement: t.agreement,
      verdict: t.verdict,
      violators: t.violators,
      reasons: t.reasons,
      explanation: t.explanation,
    })),
    deconfliction: e.deconfliction.map((d) => ({
      operation: d.operation,
      conflicts: d.conflicts.map((c) => ({ site: c.site, clearance_m: c.clearanceM, notified: c.notified })),
    })),
    convoys: e.convoys.map((c) => ({
      convoy: c.convoy,
      required_approvals: c.requiredApprovals,
      crosses_excluded: c.crossesExcluded,
    })),
    calm: e.calm && {
      agreement: e.calm.agreement,
      days: e.calm.days.map((d) => ({ date: d.date, violations: d.violations, calm: d.calm, streak: d.streak })),
      reduced_violence_on: e.calm.reducedViolenceOn,
    },
  };
}
