import { Avatar, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { photoKey, usePhoto } from './usePhoto';

const maxBytes = 4 * 1024 * 1024;
const useStyles = makeStyles({ root: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap' }, buttons: { display: 'flex', gap: tokens.spacingHorizontalS } });

/** PhotoEditor changes or removes the user's own photo (PUT /v1.0/me/photo/$value, DELETE /v1.0/me/photo): only the user may set it. */
export function PhotoEditor({ name }: { name: string }) {
  const { t } = useTranslation('myaccount');
  const s = useStyles();
  const qc = useQueryClient();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [tooBig, setTooBig] = useState(false);
  const { url } = usePhoto();
  const done = (msg: string) => { notify(msg); void qc.invalidateQueries({ queryKey: photoKey }); };
  const upload = useMutation({ mutationFn: (f: File) => api.put('/v1.0/me/photo/$value', f), onSuccess: () => done(t('photo.changed')) });
  const remove = useMutation({ mutationFn: () => api.del('/v1.0/me/photo'), onSuccess: () => done(t('photo.removed')) });
  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    setTooBig(f.size > maxBytes);
    if (f.size <= maxBytes) upload.mutate(f);
  };
  return (
    <div className={s.root}>
      <Avatar name={name} image={url ? { src: url, alt: '' } : undefined} size={96} color="colorful" />
      <div>
        <input ref={input} type="file" accept="image/jpeg,image/png" hidden onChange={pick} aria-label={t('photo.change')} />
        <div className={s.buttons}>
          <Button onClick={() => input.current?.click()} disabled={upload.isPending}>{t('photo.change')}</Button>
          {url && <Button appearance="subtle" onClick={() => remove.mutate()} disabled={remove.isPending}>{t('photo.remove')}</Button>}
        </div>
        <Text size={200} block>{t('photo.hint')}</Text>
        {tooBig && <Text role="alert" size={200}>{t('photo.tooBig')}</Text>}
        {upload.error && <ErrorMessage error={upload.error} />}
        {remove.error && <ErrorMessage error={remove.error} />}
      </div>
    </div>
  );
}
