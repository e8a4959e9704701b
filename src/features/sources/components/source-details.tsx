import { useTranslation } from '@/lib/i18n-react';
import type { Locale } from '@/contract/common';
import type { Source } from '@/contract/sources';
import { formatPeriod, localize } from '@/lib/format';

interface Props {
  source: Source;
  locale: Locale;
  /** Per person id: the figures they gave, already written out ("Public receptions: 15"). */
  figuresBy: Record<string, string[]>;
}

/** The event behind the figures: who organised it, who spoke, who gave which figure. */
export function SourceDetails({ source, locale, figuresBy }: Props) {
  const { t } = useTranslation();
  const { event, publication } = source;
  const headingId = `source-${source.id}-title`;
  return (
    <article className="card source" id={source.id} aria-labelledby={headingId}>
      <h2 id={headingId}>{localize(source.title, locale)}</h2>
      <dl className="facts">
        <div>
          <dt>{t('sources.kind')}</dt>
          <dd>{t(`sources.kinds.${source.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('sources.publication')}</dt>
          <dd>{localize(publication.name, locale)}</dd>
        </div>
        <div>
          <dt>{t('sources.author')}</dt>
          <dd>{localize(publication.author, locale)}</dd>
        </div>
        <div>
          <dt>{t('sources.originalLanguage')}</dt>
          <dd>
            {t(`language.names.${publication.language}`, { defaultValue: publication.language })}
          </dd>
        </div>
        {publication.url ? (
          <div>
            <dt>{t('sources.link')}</dt>
            <dd>
              <a href={publication.url}>{publication.url}</a>
            </dd>
          </div>
        ) : null}
      </dl>

      <h3>{t('sources.event')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('sources.eventName')}</dt>
          <dd>{localize(event.name, locale)}</dd>
        </div>
        <div>
          <dt>{t('sources.format')}</dt>
          <dd>{t(`sources.formats.${event.format}`)}</dd>
        </div>
        <div>
          <dt>{t('sources.topic')}</dt>
          <dd>{localize(event.topic, locale)}</dd>
        </div>
        <div>
          <dt>{t('kpi.date')}</dt>
          <dd>
            {event.date ? formatPeriod(event.date, locale) : t('kpi.dateNotStated')}
            {event.dateNote ? (
              <span className="facts__note">{localize(event.dateNote, locale)}</span>
            ) : null}
          </dd>
        </div>
      </dl>

      <h3>{t('sources.organisers')}</h3>
      <ul className="plain-list">
        {event.organisers.map((organiser) => (
          <li key={organiser.name.en}>
            <strong>{localize(organiser.role, locale)}:</strong> {localize(organiser.name, locale)}
          </li>
        ))}
      </ul>

      <h3>{t('sources.people')}</h3>
      {source.people.length === 0 ? (
        <p>{t('sources.noPeople')}</p>
      ) : (
        <ul className="people">
          {source.people.map((person) => {
            const figures = figuresBy[person.id] ?? [];
            return (
              <li key={person.id} className="person">
                <p className="person__name">
                  {localize(person.name, locale)}
                  {person.isModerator ? (
                    <span className="person__tag"> · {t('sources.moderator')}</span>
                  ) : null}
                </p>
                <p className="person__role">{localize(person.role, locale)}</p>
                {person.spokeOn ? <p>{localize(person.spokeOn, locale)}</p> : null}
                {figures.length > 0 ? (
                  <>
                    <p className="person__figures-title">
                      {t('sources.figuresGiven', { count: figures.length })}
                    </p>
                    <ul className="person__figures">
                      {figures.map((figure) => (
                        <li key={figure}>{figure}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {event.participantsNote ? (
        <p className="note">{localize(event.participantsNote, locale)}</p>
      ) : null}
    </article>
  );
}
