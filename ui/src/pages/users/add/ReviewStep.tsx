import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Edit16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useStepStyles } from './BasicsStep';
import { chosenSkus, displayNameOf, parseRecipients, profileFields, upnOf, type Draft } from './model';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  dl: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
});

/** ReviewStep sums up the draft by step, each with an Edit button that goes back to it. */
export function ReviewStep({ draft, productName, roleName, lacking, onEdit }: {
  draft: Draft; productName: (skuId: string) => string; roleName: (templateId: string) => string; lacking: string[]; onEdit: (step: number) => void;
}) {
  const { t, i18n } = useTranslation('adduser');
  const s = { ...useStepStyles(), ...useStyles() };
  const region = (code: string) => new Intl.DisplayNames([i18n.language], { type: 'region', fallback: 'code' }).of(code) ?? code;
  const none = t('review.none');
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : none);
  const skus = chosenSkus(draft);
  const mode = { link: t('basics.link'), generate: t('basics.generate'), typed: t('basics.typed') }[draft.mode];
  const sections: { step: number; name: string; rows: [string, string][] }[] = [
    { step: 0, name: t('step.basics'), rows: [
      [t('review.name'), displayNameOf(draft)],
      [t('review.username'), upnOf(draft)],
      [t('review.password'), mode],
      ...(draft.mode !== 'link' ? [[t('review.force'), draft.force ? t('review.yes') : t('review.no')] as [string, string]] : []),
      [t('review.emails'), list(parseRecipients(draft.emails ?? ''))],
    ] },
    { step: 1, name: t('step.licenses'), rows: [
      [t('review.licenses'), list(skus.map(productName))],
      ...(skus.length ? [[t('review.location'), region(draft.location ?? '')] as [string, string]] : []),
      ...(lacking.length ? [[t('review.buy'), list(lacking.filter((x) => draft.buy.includes(x)).map(productName))] as [string, string]] : []),
    ] },
    { step: 2, name: t('step.optional'), rows: [
      [t('review.roles'), list(draft.roles.map(roleName))],
      ...profileFields.filter((k) => draft.profile[k].trim()).map((k) => [t(`optional.${k}`), draft.profile[k].trim()] as [string, string]),
    ] },
  ];
  return (
    <div className={s.col}>
      <Text>{t('review.intro')}</Text>
      {sections.map((sec) => (
        <section key={sec.step} className={s.section} aria-label={sec.name}>
          <div className={s.head}>
            <Text as="h4" weight="semibold">{sec.name}</Text>
            <Button appearance="transparent" size="small" icon={<Edit16Regular />} onClick={() => onEdit(sec.step)}>
              {t('review.edit', { section: sec.name })}
            </Button>
          </div>
          <dl className={s.dl}>
            {sec.rows.map(([k, v]) => [<dt key={`${k}-t`}><Text weight="semibold">{k}</Text></dt>, <dd key={`${k}-d`} className={s.dd}>{v}</dd>])}
          </dl>
        </section>
      ))}
    </div>
  );
}
