import { useState, type FormEvent } from 'react';
import { locales, type Locale } from '@/contract/common';
import { useHistoryT } from '@/lib/history-catalogue';
import type { ChangeFilters } from '../lib/change-filters';

const languageNames: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** Programme and language; applied with a button, so choosing does not reload the list. */
export function ChangeFilterForm({
  filters,
  initiatives,
  onApply,
}: {
  filters: ChangeFilters;
  initiatives: { id: string; name: string }[];
  onApply: (next: ChangeFilters) => void;
}) {
  const t = useHistoryT();
  const [initiative, setInitiative] = useState(filters.initiative ?? '');
  const [lang, setLang] = useState<Locale>(filters.lang);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ initiative: initiative === '' ? undefined : initiative, lang, page: 1 });
  };
  return (
    <form className="filter-form" aria-label={t('changes.filtersLabel')} onSubmit={submit}>
      <label className="filter-form__field">
        <span>{t('changes.initiative')}</span>
        <select value={initiative} onChange={(event) => setInitiative(event.target.value)}>
          <option value="">{t('changes.allInitiatives')}</option>
          {initiatives.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-form__field">
        <span>{t('changes.language')}</span>
        <select
          value={lang}
          onChange={(event) => setLang(locales.find((l) => l === event.target.value) ?? lang)}
        >
          {locales.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {languageNames[locale]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">
        {t('changes.apply')}
      </button>
    </form>
  );
}
