import { locales, type Locale, type LocalizedText } from '@/contract/common';
import { useReviewT } from '../hooks/use-manage-catalogue';
import { TextField } from './form-controls';

/** One text in Kazakh, Russian and English: three fields under one legend. */
export function LocalizedFields({
  legend,
  value,
  onChange,
  error,
  path,
  required = true,
}: {
  legend: string;
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  error: (path: string) => string | undefined;
  path: string;
  required?: boolean;
}) {
  const { t } = useReviewT();
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {locales.map((locale: Locale) => (
        <TextField
          key={locale}
          label={t(`languages.${locale}`)}
          lang={locale}
          value={value[locale]}
          required={required}
          error={error(`${path}.${locale}`)}
          onChange={(text) => onChange({ ...value, [locale]: text })}
        />
      ))}
    </fieldset>
  );
}
