/**
 * A date (or date and time) field that follows the page's language and direction, not the
 * browser's: Chromium draws `<input type=date>` in the browser's locale (mm/dd/yyyy in an
 * English-US browser, whatever the page's `lang`). Day, month name and year are native selects,
 * so the keyboard, screen readers and phones all know them; the value stays YYYY-MM-DD (or
 * YYYY-MM-DDTHH:mm, a wall-clock time in the truce's timezone) as the rest of the app expects.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import {
  type DateParts,
  daysInMonth,
  joinParts,
  localDigits,
  monthNames,
  partOrder,
  setPart,
  splitValue,
  yearChoices,
} from './date-parts.ts';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** YYYY-MM-DD bounds of the years offered. */
  min?: string | undefined;
  max?: string | undefined;
  withTime?: boolean;
  error?: string | undefined;
  help?: string | undefined;
  /** Offer a button that empties the field (for optional filters). */
  clearable?: boolean;
  className?: string;
  /** What the group is called for screen readers when the label shown says less (a row's field: "From: <agreement>"). */
  groupLabel?: string | undefined;
}

export function DateField({
  id,
  label,
  value,
  onChange,
  min,
  max,
  withTime = false,
  error,
  help,
  clearable = false,
  className = '',
  groupLabel,
}: Props) {
  const { t, lang } = useI18n();
  const [parts, setParts] = useState<DateParts>(() => splitValue(value));
  // A value set from outside (a link, a cleared filter, a restored draft) replaces what was picked.
  useEffect(() => {
    setParts((p) => (joinParts(p, withTime) === value ? p : splitValue(value)));
  }, [value, withTime]);

  const change = (part: keyof DateParts, v: string) => {
    const next = setPart(parts, part, v);
    setParts(next);
    const joined = joinParts(next, withTime);
    if (joined !== value) onChange(joined);
  };

  const describedBy =
    [error ? `${id}-error` : '', help && !error ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  const common = { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  const months = monthNames(lang);
  const days = daysInMonth(Number(parts.year || 2016), Number(parts.month || 1));
  const selects = {
    day: (
      <select
        key="day"
        id={`${id}-day`}
        className="date-day"
        aria-label={t('date.day')}
        value={parts.day}
        onChange={(e) => change('day', e.target.value)}
        {...common}
      >
        <option value="">{t('date.day')}</option>
        {Array.from({ length: days }, (_, i) => (
          <option key={i} value={String(i + 1)}>
            {localDigits(i + 1, lang)}
          </option>
        ))}
      </select>
    ),
    month: (
      <select
        key="month"
        id={`${id}-month`}
        className="date-month"
        aria-label={t('date.month')}
        value={parts.month}
        onChange={(e) => change('month', e.target.value)}
        {...common}
      >
        <option value="">{t('date.month')}</option>
        {months.map((name, i) => (
          <option key={i} value={String(i + 1)}>
            {name}
          </option>
        ))}
      </select>
    ),
    year: (
      <select
        key="year"
        id={`${id}-year`}
        className="date-year"
        aria-label={t('date.year')}
        value={parts.year}
        onChange={(e) => change('year', e.target.value)}
        {...common}
      >
        <option value="">{t('date.year')}</option>
        {yearChoices(min, max, Date.now()).map((y) => (
          <option key={y} value={String(y)}>
            {localDigits(y, lang)}
          </option>
        ))}
      </select>
    ),
  };

  return (
    <div className={`field date-field${error ? ' field-invalid' : ''} ${className}`.trim()}>
      <span className="label" id={`${id}-label`}>
        {label}
      </span>
      <div
        className="date-parts"
        role="group"
        id={id}
        {...(groupLabel ? { 'aria-label': groupLabel } : { 'aria-labelledby': `${id}-label` })}
        data-value={value}
      >
        {partOrder(lang).map((p) => selects[p])}
        {withTime && (
          <span className="date-time" role="group" aria-label={t('date.time')} dir="ltr">
            <select
              id={`${id}-hour`}
              className="date-hour"
              aria-label={t('date.hour')}
              value={parts.hour}
              onChange={(e) => change('hour', e.target.value)}
              {...common}
            >
              <option value="">{t('date.hourShort')}</option>
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={String(h)}>
                  {localDigits(h, lang, 2)}
                </option>
              ))}
            </select>
            <span aria-hidden="true">:</span>
            <select
              id={`${id}-minute`}
              className="date-minute"
              aria-label={t('date.minute')}
              value={parts.minute}
              onChange={(e) => change('minute', e.target.value)}
              {...common}
            >
              <option value="">{t('date.minuteShort')}</option>
              {Array.from({ length: 60 }, (_, m) => (
                <option key={m} value={String(m)}>
                  {localDigits(m, lang, 2)}
                </option>
              ))}
            </select>
          </span>
        )}
        {clearable && value !== '' && (
          <button
            type="button"
            className="date-clear"
            aria-label={t('date.clear', { label: groupLabel ?? label })}
            onClick={() => {
              setParts(splitValue(''));
              onChange('');
            }}
          >
            ×
          </button>
        )}
      </div>
      {help && !error && (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The first day a list's window may start: the data begin in 2011. */
const FIRST_DAY = '2011-01-01';

/**
 * A list's window of days: from and to, each clearable and each bounded by the other. The fields'
 * ids are `<idPrefix>-from` and `<idPrefix>-to`.
 */
export function DateRangeFields({
  idPrefix,
  from,
  to,
  onChange,
}: {
  idPrefix: string;
  from: string;
  to: string;
  onChange: (change: { from: string } | { to: string }) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <DateField
        id={`${idPrefix}-from`}
        label={t('common.from')}
        value={from}
        max={to || undefined}
        min={FIRST_DAY}
        clearable
        onChange={(v) => onChange({ from: v })}
      />
      <DateField
        id={`${idPrefix}-to`}
        label={t('common.to')}
        value={to}
        min={from || FIRST_DAY}
        clearable
        onChange={(v) => onChange({ to: v })}
      />
    </>
  );
}
