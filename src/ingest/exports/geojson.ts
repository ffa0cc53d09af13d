/**
 * Incidents as GeoJSON (RFC 7946): each a Feature with a Point in [lon, lat] (WGS 84) and flat
 * properties that a GIS reads as columns (GDAL, QGIS): names in English and Arabic side by side,
 * the verdicts as one text. A FeatureCollection is written as its head, the features joined by
 * commas, and its tail, so that it can stream; newline-delimited GeoJSON is one Feature a line.
 */
import { type ExportedIncident, isoOut, verdictsText } from './exported-incident.ts';

export const GEOJSON_MEDIA_TYPE = 'application/geo+json';
/** Newline-delimited GeoJSON (GeoJSONSeq without record separators: one Feature per line). */
export const NDJSON_MEDIA_TYPE = 'application/geo+json-seq';

export const FEATURE_COLLECTION_HEAD = '{"type":"FeatureCollection","features":[';
export const FEATURE_COLLECTION_TAIL = ']}\n';

/** The properties of an incident's Feature, in a fixed order. */
export function incidentProperties(i: ExportedIncident) {
  const w = i.where;
  return {
    id: i.id,
    occurred_at: isoOut(i.occurred_at),
    occurred_until: i.occurred_until === null ? null : isoOut(i.occurred_until),
    date_precision: i.date_precision,
    location_precision: i.location_precision,
    place: i.place,
    nearest_place: w.place?.name_en ?? null,
    nearest_place_ar: w.place?.name_ar ?? null,
    district: w.district?.name_en ?? null,
    district_ar: w.district?.name_ar ?? null,
    district_pcode: w.district?.pcode ?? null,
    governorate: w.governorate?.name_en ?? null,
    governorate_ar: w.governorate?.name_ar ?? null,
    governorate_pcode: w.governorate?.pcode ?? null,
    headline: i.headline,
    act: i.act,
    perpetrator: i.perpetrator,
    perpetrator_name: i.perpetrator_name,
    perpetrator_name_ar: i.perpetrator_name_ar,
    target_civilian: i.target_civilian,
    target_actor: i.target_actor,
    target_name: i.target_name,
    target_name_ar: i.target_name_ar,
    self_defense_claim: i.self_defense_claim,
    deaths_low: i.deaths_low,
    deaths_best: i.deaths_best,
    deaths_high: i.deaths_high,
    status: i.status,
    grade: i.grade,
    verdicts: verdictsText(i),
    classification: i.classification,
    owner_org: i.owner_org,
    source: i.source,
    source_ref: i.source_ref,
  };
}

/** One incident as a GeoJSON Feature, as JSON text (no newline). */
export function incidentFeature(i: ExportedIncident): string {
  return `{"type":"Feature","id":${JSON.stringify(i.id)},"geometry":{"type":"Point","coordinates":[${i.lon},${i.lat}]},"properties":${JSON.stringify(incidentProperties(i))}}`;
}
