// A service's card to hand to the person: printable on one page, and a short text for an SMS. The
// card is in the person's language (chosen here); the page around it stays in the reader's.
import { translator } from '../../../i18n/index.ts';
import type { PageContext } from '../../../http/request-context.ts';
import { href } from '../../../http/request-context.ts';
import { locales } from '../../../shared/i18n-text.ts';
import { Breadcrumb, languageNames } from '../../../views/components.tsx';
import { Select } from '../../../views/forms.tsx';
import { Layout } from '../../../views/layout.tsx';
import { telHref } from '../views/contact-parts.tsx';
import { Fact } from '../views/parts.tsx';
import { type CardText, type ServiceCard, smsLimit } from './present-service-card.ts';

function Text({ value }: { value: CardText }) {
  return (
    <span lang={value.lang} safe>
      {value.text}
    </span>
  );
}

/** The card itself, every word in the card's language. */
export function Card({ card }: { card: ServiceCard }) {
  const t = translator(card.locale);
  return (
    <article class="service-card" lang={card.locale} aria-labelledby="card-name">
      <h2 id="card-name">
        <Text value={card.name} />
      </h2>
      {card.organisation.text && card.organisation.text !== card.name.text ? (
        <p class="card-organisation">
          <Text value={card.organisation} />
        </p>
      ) : (
        ''
      )}
      <dl class="card-facts">
        {card.places.length ? (
          <Fact term={t.t('directory.card.address')}>
            {card.places.map((p) => (
              <address>
                {p.name ? <Text value={p.name} /> : ''}
                {p.lines.map((line) => (
                  <span safe>{line}</span>
                ))}
              </address>
            ))}
          </Fact>
        ) : (
          ''
        )}
        <Fact term={t.t('directory.card.hours')}>
          {card.week.length ? (
            <ul class="card-week">
              {card.week.map((w) => (
                <li>
                  <span class="card-days" safe>
                    {w.days}
                  </span>{' '}
                  <span safe>{w.hours}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.html('directory.card.no_hours')}</p>
          )}
          {card.week.length ? (
            <p>
              {t.html(
                card.closedOnPublicHolidays
                  ? 'directory.card.holidays_closed'
                  : 'directory.card.holidays_open',
              )}
            </p>
          ) : (
            ''
          )}
          {card.closures.length ? (
            <>
              <p>{t.html('directory.card.closures')}</p>
              <ul class="card-closures">
                {card.closures.map((c) => (
                  <li safe>{c}</li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
        </Fact>
        {card.phones.length ? (
          <Fact term={t.t('directory.card.phone')}>
            {card.phones.map((number, i) => (
              <>
                {i ? ', ' : ''}
                <a href={telHref(number)} safe>
                  {number}
                </a>
              </>
            ))}
          </Fact>
        ) : (
          ''
        )}
        {card.languages.length ? (
          <Fact term={t.t('directory.card.languages')} text={t.list(card.languages)} />
        ) : (
          ''
        )}
        {card.places.some((p) => p.transport || p.station) ? (
          <Fact term={t.t('directory.card.getting_there')}>
            {card.places.map((p) =>
              p.transport || p.station ? (
                <p>
                  {p.transport ? <Text value={p.transport} /> : ''}
                  {p.transport && p.station ? ' ' : ''}
                  {p.station ? (
                    <span safe>
                      {t.t('directory.card.station', {
                        name: p.station.name,
                        distance:
                          p.station.metres < 1000
                            ? `${t.number(p.station.metres)} m`
                            : `${t.number(Math.round(p.station.metres / 100) / 10)} km`,
                        minutes: p.station.minutes,
                      })}
                    </span>
                  ) : (
                    ''
                  )}
                </p>
              ) : (
                ''
              ),
            )}
          </Fact>
        ) : (
          ''
        )}
      </dl>
      <p class="card-url">
        {t.html('directory.card.more')} <span safe>{card.url}</span>
      </p>
    </article>
  );
}

export function ServiceCardPage({ ctx, card }: { ctx: PageContext; card: ServiceCard }) {
  const { t } = ctx;
  const servicePath = `/services/${card.id}`;
  const smsLength = [...card.sms].length;
  return (
    <Layout
      ctx={ctx}
      title={`${t.t('directory.card.title')} — ${card.name.text}`}
      styles={['service-card.css']}
      scripts={['service-card.js']}
    >
      <Breadcrumb
        ctx={ctx}
        trail={[
          { href: href(ctx, '/directory'), label: t.t('nav.directory') },
          { href: href(ctx, servicePath), label: card.name.text },
        ]}
        current={t.t('directory.card.title')}
      />
      <div class="card-tools">
        <h1>{t.html('directory.card.title')}</h1>
        <p class="lead">{t.html('directory.card.lead')}</p>
        <form method="get" action={href(ctx, `${servicePath}/card`)} class="card-language">
          <Select
            ctx={ctx}
            name="lang"
            label={t.t('directory.card.language')}
            value={card.locale}
            options={locales.map((l) => ({ value: l, label: languageNames[l] }))}
          />
          <button type="submit" class="secondary">
            {t.html('directory.card.show')}
          </button>
        </form>
        <p>
          <button type="button" class="card-print" hidden>
            {t.html('directory.card.print')}
          </button>
        </p>
      </div>
      <Card card={card} />
      <section class="card-sms" aria-labelledby="sms-title">
        <h2 id="sms-title">{t.html('directory.card.sms_title')}</h2>
        <p>
          <label for="sms-text">{t.html('directory.card.sms_label')}</label>
        </p>
        <textarea id="sms-text" lang={card.locale} rows="7" spellcheck="false" safe>
          {card.sms}
        </textarea>
        <p class="sms-count">
          <output id="sms-count" for="sms-text">
            {smsLength}
          </output>{' '}
          {t.html('directory.card.sms_count', { limit: smsLimit })}
        </p>
        <p>
          <button type="button" class="sms-copy" data-copied={t.t('directory.card.copied')} hidden>
            {t.html('directory.card.copy')}
          </button>{' '}
          <span class="sms-copied" role="status"></span>
        </p>
      </section>
    </Layout>
  );
}
