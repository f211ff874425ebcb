import { useEffect, useState } from 'preact/hooks';
import { Link, useLocation } from 'wouter-preact';
import { AD_STATUSES, BID_STRATEGIES, CTWA_OBJECTIVES } from '../../../functions/core/ads/enums.js';
import { adAccountId as adAccountIdSchema } from '../../../functions/core/ads/input.js';
import { EU_COUNTRIES, REGIONAL_RULES } from '../../../functions/core/ads/regions.js';
import {
  type AdForm,
  blankAdForm,
  countriesOf,
  errorsByField,
  type FieldErrors,
  goalsFor,
  IMAGE_HASH,
  regionsOf,
  TAKES_DSA,
  validateAdForm,
} from '../ads/form.js';
import { dsaRecommendations, previewOf, uploadImage } from '../ads/library.js';
import { rememberAd } from '../ads/recent.js';
import { problemOf, unwrap } from '../api/call.js';
import type { CreateAdBody } from '../api/client.js';
import { Field } from '../components/field.js';
import { ProblemNotice } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useApp } from '../context.js';
import type { Problem } from '../errors.js';

/** What each regional rule's effect means for the form. */
const EFFECT_WORDS = {
  refuse: 'Cannot be targeted',
  require_dsa: 'Needs who benefits and who pays (Digital Services Act)',
  no_whatsapp_status: 'Runs on Facebook and Instagram only (no WhatsApp Status ads)',
} as const;

/** A rule's countries, the EU's 27 named as one. */
const whereOf = (countries: readonly string[]): string => {
  const eu = EU_COUNTRIES.every((country) => countries.includes(country));
  const rest = eu
    ? countries.filter((country) => !(EU_COUNTRIES as readonly string[]).includes(country))
    : countries;
  return [...(eu ? ['the EU'] : []), ...rest]
    .join(', ')
    .replace(/^./, (first) => first.toUpperCase());
};

const words = (value: string) =>
  value
    .replace(/^OUTCOME_/, '')
    .toLowerCase()
    .replaceAll('_', ' ')
    .replace(/^./, (first) => first.toUpperCase());

/** Creates a Click-to-WhatsApp ad for the link: the form, a preview, and where it may run. */
const AdNewScreen = ({ linkId }: { linkId: string }) => {
  const { api, session } = useApp();
  const [, navigate] = useLocation();
  const [form, setForm] = useState<AdForm>(() => blankAdForm());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  // Each refused submission moves focus to its first invalid field, once it is rendered.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  // One key per ad: a retry of the same submission can never create a second ad.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const link = useLoad(
    () => unwrap(api.GET('/links/{linkId}', { params: { path: { linkId } } })),
    [linkId]
  );
  // The uploaded image: its local preview and how the upload went.
  const [preview, setPreview] = useState('');
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState('');
  // Meta's recommended DSA names for the ad account, once the ad reaches the EU.
  const [recommended, setRecommended] = useState<{ account: string; names: string[] }>({
    account: '',
    names: [],
  });
  const regions = regionsOf(form);
  const account = form.adAccountId.trim();
  const accountValid = adAccountIdSchema.safeParse(account).success;
  const reachesEu = regions.dsaCountries.length > 0;
  useEffect(() => {
    if (!TAKES_DSA || !reachesEu || !accountValid || recommended.account === account) return;
    let gone = false;
    dsaRecommendations(api, linkId, account)
      .then(({ recommendations }) => {
        if (gone) return;
        setRecommended({ account, names: recommendations });
        const [first] = recommendations;
        // Prefill only what the user has not written.
        if (first) {
          setForm((current) => ({
            ...current,
            dsaBeneficiary: current.dsaBeneficiary || first,
            dsaPayor: current.dsaPayor || first,
          }));
        }
      })
      // A suggestion only: without it the user types the names.
      .catch(() => !gone && setRecommended({ account, names: [] }));
    return () => {
      gone = true;
    };
  }, [reachesEu, account, accountValid]);

  const upload = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    setUploadError('');
    if (!file) return;
    if (!accountValid) {
      setUploadError("Enter the ad account id first: the image goes into that account's library.");
      return;
    }
    setUploading(true);
    try {
      const [uploaded, shown] = await Promise.all([
        uploadImage(api, linkId, account, file),
        previewOf(file),
      ]);
      change({ ...form, imageUrl: uploaded.imageHash });
      setPreview(shown);
    } catch (error) {
      const found = problemOf(error);
      setUploadError(`${found.title}. ${found.action}`);
    } finally {
      setUploading(false);
    }
  };

  /** A new form: a new ad (so a new key), and once a submission was refused, fresh messages. */
  const change = (next: AdForm) => {
    setForm(next);
    setKey(crypto.randomUUID());
    if (refusals > 0) {
      const checked = validateAdForm(next);
      setErrors(checked.ok ? {} : checked.errors);
    }
  };
  const update = (field: keyof AdForm) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    const next = { ...form, [field]: value };
    if (field === 'objective' && !goalsFor(value).includes(next.optimizationGoal)) {
      next.optimizationGoal = goalsFor(value)[0] ?? 'CONVERSATIONS';
    }
    change(next);
  };
  const described = (id: keyof AdForm, hint = false) => ({
    id,
    'aria-invalid': errors[id] ? true : undefined,
    'aria-describedby':
      [hint ? `${id}-hint` : '', errors[id] ? `${id}-error` : ''].filter(Boolean).join(' ') ||
      undefined,
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    const checked = validateAdForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setRefusals((count) => count + 1);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { data, error, response } = await api.POST('/links/{linkId}/ads', {
        params: { path: { linkId }, header: { 'Idempotency-Key': key } },
        body: checked.body as CreateAdBody,
      });
      // A failed operation answers its error status with the operation itself.
      const operation = data ?? (error as { operationId?: string } | undefined);
      if (operation?.operationId) {
        rememberAd(localStorage, session.tenantId, linkId, {
          operationId: operation.operationId,
          name: form.name,
          createdAt: new Date().toISOString(),
        });
        navigate(`/links/${linkId}/ads/${operation.operationId}`);
        return;
      }
      await unwrap(Promise.resolve({ data, error, response }));
    } catch (caught) {
      const found = problemOf(caught);
      setProblem(found);
      if (found.fields) {
        setErrors(errorsByField(found.fields));
        setRefusals((count) => count + 1);
      }
      const names = found.details?.recommendations;
      if (found.code === 'dsa_required') {
        if (Array.isArray(names)) setRecommended({ account, names: names.map(String) });
        setErrors({ dsaBeneficiary: found.title, dsaPayor: found.title });
        setRefusals((count) => count + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  const countries = countriesOf(form.countries);
  const capped = form.bidStrategy !== 'LOWEST_COST_WITHOUT_CAP';
  const byHash = IMAGE_HASH.test(form.imageUrl.trim());
  return (
    <section aria-labelledby="ad-title">
      <p class="breadcrumb">
        <Link href="/">Links</Link> /{' '}
        <Link href={`/links/${linkId}`}>{link.data?.pageName ?? 'Link'}</Link> / New ad
      </p>
      <h1 id="ad-title" tabIndex={-1}>
        Create a Click-to-WhatsApp ad
      </h1>
      <p class="muted">
        People who tap the ad open a WhatsApp chat with{' '}
        {link.data?.displayPhoneNumber ?? 'this number'}. The campaign, ad set, creative and ad are
        created together, {form.status === 'PAUSED' ? 'paused' : 'active'}.
      </p>
      <ProblemNotice problem={problem} />
      {errors.form ? (
        <p class="notice notice-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div class="ad-layout">
        <form onSubmit={submit} noValidate aria-label="The ad">
          <fieldset>
            <legend>Campaign</legend>
            <Field
              id="adAccountId"
              label="Ad account id"
              hint="From Meta Ads Manager, e.g. act_1234567890."
              error={errors.adAccountId}
            >
              <input
                {...described('adAccountId', true)}
                value={form.adAccountId}
                onInput={update('adAccountId')}
                autocomplete="off"
              />
            </Field>
            <Field id="name" label="Name" error={errors.name}>
              <input {...described('name')} value={form.name} onInput={update('name')} />
            </Field>
            <Field id="objective" label="Objective" error={errors.objective}>
              <select
                {...described('objective')}
                value={form.objective}
                onChange={update('objective')}
              >
                {CTWA_OBJECTIVES.map((value) => (
                  <option key={value} value={value}>
                    {words(value)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="optimizationGoal" label="Optimise for" error={errors.optimizationGoal}>
              <select
                {...described('optimizationGoal')}
                value={form.optimizationGoal}
                onChange={update('optimizationGoal')}
              >
                {goalsFor(form.objective).map((value) => (
                  <option key={value} value={value}>
                    {words(value)}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="status" label="Start the ad" error={errors.status}>
              <select {...described('status')} value={form.status} onChange={update('status')}>
                {AD_STATUSES.map((value) => (
                  <option key={value} value={value}>
                    {value === 'PAUSED' ? 'Paused (turn it on in Ads Manager)' : 'Active at once'}
                  </option>
                ))}
              </select>
            </Field>
          </fieldset>
          <fieldset>
            <legend>Budget and schedule</legend>
            <Field id="budgetKind" label="Budget" error={errors.budgetKind}>
              <select
                {...described('budgetKind')}
                value={form.budgetKind}
                onChange={update('budgetKind')}
              >
                <option value="daily">Per day</option>
                <option value="lifetime">For the whole schedule</option>
              </select>
            </Field>
            <Field
              id="budgetAmount"
              label="Amount"
              hint="In the ad account's currency, e.g. 15.00."
              error={errors.budgetAmount}
            >
              <input
                {...described('budgetAmount', true)}
                inputMode="decimal"
                value={form.budgetAmount}
                onInput={update('budgetAmount')}
              />
            </Field>
            <Field id="bidStrategy" label="Bidding" error={errors.bidStrategy}>
              <select
                {...described('bidStrategy')}
                value={form.bidStrategy}
                onChange={update('bidStrategy')}
              >
                {BID_STRATEGIES.map((value) => (
                  <option key={value} value={value}>
                    {words(value)}
                  </option>
                ))}
              </select>
            </Field>
            {capped ? (
              <Field
                id="bidAmount"
                label="Bid or cost cap"
                hint="Required with a capped strategy."
                error={errors.bidAmount}
              >
                <input
                  {...described('bidAmount', true)}
                  inputMode="decimal"
                  value={form.bidAmount}
                  onInput={update('bidAmount')}
                />
              </Field>
            ) : null}
            <Field id="start" label="Starts" error={errors.start}>
              <input
                {...described('start')}
                type="datetime-local"
                value={form.start}
                onInput={update('start')}
              />
            </Field>
            <Field
              id="end"
              label="Ends"
              hint={
                form.budgetKind === 'lifetime'
                  ? 'Required with a budget for the whole schedule.'
                  : 'Optional; at least 24 hours after the start.'
              }
              error={errors.end}
            >
              <input
                {...described('end', true)}
                type="datetime-local"
                value={form.end}
                onInput={update('end')}
              />
            </Field>
          </fieldset>
          <fieldset>
            <legend>Who sees it</legend>
            <Field
              id="countries"
              label="Countries"
              hint="Two-letter codes, e.g. GB, IE (up to 25)."
              error={errors.countries}
            >
              <input
                {...described('countries', true)}
                value={form.countries}
                onInput={update('countries')}
                autocomplete="off"
              />
            </Field>
            <div class="row">
              <Field id="ageMin" label="Youngest" error={errors.ageMin}>
                <input
                  {...described('ageMin')}
                  inputMode="numeric"
                  value={form.ageMin}
                  onInput={update('ageMin')}
                />
              </Field>
              <Field id="ageMax" label="Oldest" error={errors.ageMax}>
                <input
                  {...described('ageMax')}
                  inputMode="numeric"
                  value={form.ageMax}
                  onInput={update('ageMax')}
                />
              </Field>
            </div>
            {TAKES_DSA ? (
              <>
                <Field
                  id="dsaBeneficiary"
                  label="Who the ad benefits"
                  hint={
                    reachesEu
                      ? `Needed: the ad reaches ${regions.dsaCountries.join(', ')} in the EU (Digital Services Act), unless the ad account has defaults in Ads Manager.`
                      : "Needed by the EU's Digital Services Act when the ad reaches the EU."
                  }
                  error={errors.dsaBeneficiary}
                >
                  <input
                    {...described('dsaBeneficiary', true)}
                    value={form.dsaBeneficiary}
                    onInput={update('dsaBeneficiary')}
                  />
                </Field>
                <Field id="dsaPayor" label="Who pays for it" error={errors.dsaPayor}>
                  <input
                    {...described('dsaPayor')}
                    value={form.dsaPayor}
                    onInput={update('dsaPayor')}
                  />
                </Field>
                {recommended.names.length > 0 ? (
                  <p class="hint" aria-live="polite">
                    Meta recommends for {recommended.account}: {recommended.names.join(', ')}.
                  </p>
                ) : null}
              </>
            ) : null}
          </fieldset>
          <fieldset>
            <legend>The ad</legend>
            <Field id="primaryText" label="Text" error={errors.primaryText}>
              <textarea
                {...described('primaryText')}
                rows={3}
                value={form.primaryText}
                onInput={update('primaryText')}
              />
            </Field>
            <Field id="headline" label="Headline" error={errors.headline}>
              <input
                {...described('headline')}
                value={form.headline}
                onInput={update('headline')}
              />
            </Field>
            <Field
              id="imageUrl"
              label="Image"
              hint="An https address, or the hash of an image in the ad account's library."
              error={errors.imageUrl}
            >
              <input
                {...described('imageUrl', true)}
                value={form.imageUrl}
                onInput={(event) => {
                  setPreview('');
                  update('imageUrl')(event);
                }}
                autocomplete="off"
              />
            </Field>
            <Field
              id="imageFile"
              label="Or upload an image"
              hint="A JPEG or PNG up to 4 MB: Tandem puts it in the ad account's library and the ad uses it by its hash."
              error={uploadError}
            >
              <input
                id="imageFile"
                type="file"
                accept="image/jpeg,image/png"
                onChange={upload}
                disabled={uploading}
                aria-invalid={uploadError ? true : undefined}
                aria-describedby={`imageFile-hint${uploadError ? ' imageFile-error' : ''}`}
              />
              <p class="hint" aria-live="polite">
                {uploading
                  ? 'Uploading the image…'
                  : preview
                    ? 'Uploaded: the image field now holds its hash.'
                    : ''}
              </p>
            </Field>
            <Field
              id="prefilledMessage"
              label="First message"
              hint="What the customer's WhatsApp opens with (up to 300 characters)."
              error={errors.prefilledMessage}
            >
              <textarea
                {...described('prefilledMessage', true)}
                rows={2}
                value={form.prefilledMessage}
                onInput={update('prefilledMessage')}
              />
            </Field>
          </fieldset>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Creating the ad…' : 'Create the ad'}
          </button>
        </form>
        <aside aria-labelledby="preview-title">
          <h2 id="preview-title">Preview</h2>
          <div class="ad-preview">
            <p class="ad-page">{link.data?.pageName ?? 'Your Page'} · Sponsored</p>
            <p class="ad-text">{form.primaryText || 'Your text'}</p>
            {preview && byHash ? (
              <img class="ad-image" src={preview} alt="The ad as people will see it" />
            ) : byHash || !/^https:\/\//.test(form.imageUrl.trim()) ? (
              <div class="ad-image ad-image-empty">
                {byHash ? "Image from the ad account's library" : 'An https image shows here'}
              </div>
            ) : (
              <img class="ad-image" src={form.imageUrl.trim()} alt="The ad as people will see it" />
            )}
            <div class="ad-footer">
              <p class="ad-headline">{form.headline || 'Your headline'}</p>
              <span class="ad-cta">Send WhatsApp message</span>
            </div>
            <p class="ad-bubble">
              <span class="visually-hidden">The chat opens with: </span>
              {form.prefilledMessage || '…'}
            </p>
          </div>
          <h2>Where it may run</h2>
          <ul class="rules">
            <li>
              {countries.length > 0
                ? `Targets ${countries.length} ${countries.length === 1 ? 'country' : 'countries'}: ${countries.join(', ')}.`
                : 'Name at least one country.'}{' '}
              Up to 25, each once, as ISO two-letter codes.
            </li>
            <li>Ages from 18 to 65.</li>
            <li>
              The Page must be connected to {link.data?.displayPhoneNumber ?? 'the number'} on
              Facebook; Tandem checks this before creating anything.
            </li>
            {regions.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
          <table class="table rules-table">
            <caption>The regional rules Tandem applies</caption>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">What it means</th>
                <th scope="col">Targeted</th>
              </tr>
            </thead>
            <tbody>
              {REGIONAL_RULES.map((rule) => {
                const hit = countries.filter((country) => rule.countries.includes(country));
                return (
                  <tr key={rule.id} class={hit.length > 0 ? 'rule-hit' : undefined}>
                    <td>{whereOf(rule.countries)}</td>
                    <td>
                      {EFFECT_WORDS[rule.effect]}:{' '}
                      <a href={rule.source} target="_blank" rel="noreferrer">
                        {rule.reason}
                      </a>
                    </td>
                    <td>{hit.length > 0 ? hit.join(', ') : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </aside>
      </div>
    </section>
  );
};

export { AdNewScreen };
