import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { ErrorMessage, Loading } from '../../components/Status';
import { PermButton } from '../roles/PermButton';

const useStyles = makeStyles({
  section: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px',
    padding: tokens.spacingVerticalL, borderRadius: tokens.borderRadiusLarge, border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Section is one settings form: heading, intro, a failed save, its
 * fields, and Save (org.manage; without it the
 * button says what is missing and the fields are read-only).
 */
export function Section({ id, title, intro, error, saveLabel, saving, canSave, onSave, children }: {
  id: string; title: string; intro?: string; error: unknown;
  saveLabel: string; saving: boolean; canSave: boolean; onSave: () => void; children: ReactNode;
}) {
  const s = useStyles();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (canSave && !saving) onSave();
  };
  return (
    <section className={s.section} aria-labelledby={`${id}-title`}>
      <Text as="h2" block id={`${id}-title`} size={500} weight="semibold">{title}</Text>
      {intro && <Text as="p" block>{intro}</Text>}
      <form noValidate onSubmit={submit} className={s.form}>
        {!!error && <ErrorMessage error={error} />}
        {children}
        <div><PermButton perm="org.manage" appearance="primary" type="submit" disabled={!canSave || saving}>{saveLabel}</PermButton></div>
      </form>
    </section>
  );
}

/** SectionLoading is a section whose data hasn't come (or failed to). */
export function SectionLoading({ id, title, error }: { id: string; title: string; error: unknown }) {
  const s = useStyles();
  return (
    <section className={s.section} aria-labelledby={`${id}-title`}>
      <Text as="h2" block id={`${id}-title`} size={500} weight="semibold">{title}</Text>
      {error ? <ErrorMessage error={error} /> : <Loading />}
    </section>
  );
}
