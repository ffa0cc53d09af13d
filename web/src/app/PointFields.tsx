/**
 * A point picked by its latitude and longitude, one field each (as the notify form does), read
 * left to right in both languages. The value stays text until the form is sent.
 */
import { useI18n } from '../i18n/i18n.tsx';
import { Field } from './ui.tsx';

export interface PointText {
  lat: string;
  lon: string;
}

export const pointOf = (p: PointText): [number, number] => [Number(p.lon), Number(p.lat)];
export const pointText = (coordinates: readonly number[]): PointText => ({
  lon: String(coordinates[0] ?? ''),
  lat: String(coordinates[1] ?? ''),
});

export function PointFields({
  id,
  legend,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  value: PointText;
  onChange(p: PointText): void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="field-row">
      <legend>{legend}</legend>
      {(['lat', 'lon'] as const).map((axis) => (
        <Field key={axis} label={t(`notifications.${axis}`)} htmlFor={`${id}-${axis}`}>
          <input
            id={`${id}-${axis}`}
            inputMode="decimal"
            dir="ltr"
            required
            value={value[axis]}
            onChange={(e) => onChange({ ...value, [axis]: e.target.value })}
          />
        </Field>
      ))}
    </fieldset>
  );
}
