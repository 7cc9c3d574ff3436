import { Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import { useNotify } from '../../components/useNotify';
import { useMissing } from '../roles/PermButton';
import { BannerLogo } from './BannerLogo';
import { fieldError, otherError } from './form';
import { Section, SectionLoading } from './Section';

/** Branding is GET /v1.0/organization/{id}/branding. */
export interface Branding {
  backgroundColor: string | null;
  signInPageText: string | null;
  usernameHintText: string | null;
  bannerLogoRelativeUrl: string | null;
}

const fields = ['backgroundColor', 'signInPageText', 'usernameHintText'];
const hex = /^#[0-9a-fA-F]{6}$/;
const useStyles = makeStyles({
  color: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  swatch: { width: '40px', height: '32px', padding: 0, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
});

/** BrandingSection is sign-in page branding: background colour, texts and the banner logo. */
export function BrandingSection() {
  const { t } = useTranslation('settings');
  const tenant = useSession().data!.tenantId;
  const path = `/v1.0/organization/${tenant}/branding`;
  const q = useQuery({ queryKey: ['branding', tenant], queryFn: () => api.get<Branding>(path) });
  return q.data
    // Keyed on the texts only: a new logo (saved at once) keeps unsaved text edits.
    ? <BrandingForm key={JSON.stringify([q.data.backgroundColor, q.data.signInPageText, q.data.usernameHintText])} b={q.data} path={path} />
    : <SectionLoading id="branding" title={t('branding.title')} error={q.error} />;
}

function BrandingForm({ b, path }: { b: Branding; path: string }) {
  const { t } = useTranslation('settings');
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const readOnly = !!useMissing('org.manage');
  const [color, setColor] = useState(b.backgroundColor ?? '');
  const [text, setText] = useState(b.signInPageText ?? '');
  const [hint, setHint] = useState(b.usernameHintText ?? '');
  const save = useMutation({
    mutationFn: () => api.patch(path, { backgroundColor: color.trim() || null, signInPageText: text.trim() || null, usernameHintText: hint.trim() || null }),
    onSuccess: () => { notify(t('branding.saved')); void qc.invalidateQueries({ queryKey: ['branding'] }); },
  });
  const colorError = fieldError(save.error, 'backgroundColor') ?? (color.trim() && !hex.test(color.trim()) ? t('branding.colorBad') : undefined);
  return (
    <Section id="branding" title={t('branding.title')} intro={t('branding.intro')} error={otherError(save.error, fields)}
      saveLabel={t('save')} saving={save.isPending} canSave={!readOnly && !colorError} onSave={() => save.mutate()}>
      <Field label={t('branding.color')} hint={t('branding.colorHint')} validationMessage={colorError}>
        <div className={s.color}>
          <Input value={color} readOnly={readOnly} maxLength={7} placeholder={t('branding.colorPlaceholder')} onChange={(_, d) => setColor(d.value)} aria-label={t('branding.color')} />
          <input type="color" className={s.swatch} disabled={readOnly} aria-label={t('branding.colorPick')}
            value={hex.test(color.trim()) ? color.trim() : '#ffffff'} onChange={(e) => setColor(e.target.value.toUpperCase())} />
        </div>
      </Field>
      <Field label={t('branding.text')} hint={t('branding.textHint', { n: text.trim().length })} validationMessage={fieldError(save.error, 'signInPageText')}>
        <Textarea value={text} readOnly={readOnly} maxLength={1024} onChange={(_, d) => setText(d.value)} />
      </Field>
      <Field label={t('branding.hint')} hint={t('branding.hintHint')} validationMessage={fieldError(save.error, 'usernameHintText')}>
        <Input value={hint} readOnly={readOnly} maxLength={64} onChange={(_, d) => setHint(d.value)} />
      </Field>
      <BannerLogo current={b.bannerLogoRelativeUrl} path={`${path}/localizations/0/bannerLogo`} readOnly={readOnly} />
    </Section>
  );
}
