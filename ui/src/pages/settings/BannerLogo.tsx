import { Button, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/Status';
import { useNotify } from '../../components/useNotify';

/** maxLogo is the server's limit (directory.MaxBannerLogo). */
export const maxLogo = 64 << 10;

/** logoProblem checks a chosen file before upload: PNG or JPEG, at most 64 KB (the server checks the bytes again). */
export function logoProblem(f: { type: string; size: number }): 'type' | 'size' | undefined {
  if (f.type !== 'image/png' && f.type !== 'image/jpeg') return 'type';
  if (f.size > maxLogo) return 'size';
  return undefined;
}

const useStyles = makeStyles({
  preview: { maxWidth: '245px', maxHeight: '60px', objectFit: 'contain', border: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** BannerLogo shows the sign-in page's banner logo and uploads (PUT, the image as the body) or removes it; it saves at once. */
export function BannerLogo({ current, path, readOnly }: { current: string | null; path: string; readOnly: boolean }) {
  const { t } = useTranslation('settings');
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => () => { if (preview) URL.revokeObjectURL(preview); }, [preview]);
  const put = useMutation({
    mutationFn: (body: Blob) => api.put(path, body),
    onSuccess: (_, body) => {
      notify(body.size ? t('logo.uploaded') : t('logo.removed'));
      void qc.invalidateQueries({ queryKey: ['branding'] });
    },
  });
  const choose = (f: File | undefined) => {
    if (!f) return;
    const p = logoProblem(f);
    setProblem(p ? t(`logo.${p}`) : undefined);
    if (p) return;
    setPreview(URL.createObjectURL(f));
    put.mutate(f);
  };
  const shown = preview ?? current ?? undefined;
  return (
    <Field label={t('logo.title')} hint={t('logo.hint')} validationMessage={problem}>
      <div className={s.row}>
        {shown ? <img src={shown} alt={t('logo.alt')} className={s.preview} /> : <Text>{t('logo.none')}</Text>}
        <input ref={input} type="file" accept="image/png,image/jpeg" hidden onChange={(e) => { choose(e.target.files?.[0]); e.target.value = ''; }} />
        <Button disabled={readOnly || put.isPending} onClick={() => input.current?.click()}>{t('logo.choose')}</Button>
        {current && <Button disabled={readOnly || put.isPending} onClick={() => { setPreview(undefined); put.mutate(new Blob([])); }}>{t('logo.remove')}</Button>}
      </div>
      {put.error && <ErrorMessage error={put.error} />}
    </Field>
  );
}
