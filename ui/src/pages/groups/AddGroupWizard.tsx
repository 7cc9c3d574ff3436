import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client';
import { ErrorMessage } from '../../components/Status';
import { useNotify } from '../../components/useNotify';
import { BasicsStep, PeopleStep, ReviewStep, TypeStep, type Draft } from './AddGroupSteps';
import { kindFlags, mailKind, nicknameFrom, nicknameProblem, type Group } from './model';

const useStyles = makeStyles({ steps: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', listStyleType: 'none', padding: 0, margin: 0 } });

const stepNames = ['type', 'basics', 'people', 'finish'] as const;
/** Which step shows the field a 400 names. */
const stepOf: Record<string, number> = { displayName: 1, description: 1, mailNickname: 1, 'members@odata.bind': 2, 'owners@odata.bind': 2 };

/** directoryObject is the reference Graph takes for members and owners. */
export const directoryObject = (id: string) => `${window.location.origin}/v1.0/directoryObjects/${id}`;

/** createBody is the POST /v1.0/groups body for a draft; a security group gets a nickname from its name, as Graph requires one. */
export function createBody(d: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {
    displayName: d.name.trim(), ...kindFlags[d.kind],
    mailNickname: mailKind(d.kind) ? d.nickname.trim() : nicknameFrom(d.name) || `group${Date.now().toString(36)}`,
  };
  if (d.description.trim()) body.description = d.description.trim();
  if (d.members.length) body['members@odata.bind'] = d.members.map((u) => directoryObject(u.id));
  if (d.owners.length) body['owners@odata.bind'] = d.owners.map((u) => directoryObject(u.id));
  return body;
}

/** AddGroupWizard is Add a group: type → basics → owners and members → finish; a field the server refuses takes the admin back to its step. */
export function AddGroupWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('groups');
  const s = useStyles();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>({ kind: 'security', name: '', description: '', nickname: '', nicknameEdited: false, owners: [], members: [] });
  const create = useMutation({
    mutationFn: () => api.post<Group>('/v1.0/groups', createBody(draft)),
    onSuccess: (g) => {
      notify(t('add.done', { name: g.displayName }));
      void qc.invalidateQueries({ queryKey: ['groups'] });
      onClose();
      navigate(`/admin/groups/${g.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.target && stepOf[e.target] !== undefined) setStep(stepOf[e.target]);
    },
  });
  const target = create.error instanceof ApiError ? create.error.target : undefined;
  const serverError = (field: string) => (target === field ? (create.error as ApiError).message : undefined);
  const tooMany = draft.owners.length + draft.members.length > 20;
  const valid = [true, draft.name.trim() !== '' && (!mailKind(draft.kind) || !nicknameProblem(draft.nickname.trim())), !tooMany, true];
  const last = step === stepNames.length - 1;
  const title = t(`add.step.${stepNames[step]}`);
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form noValidate onSubmit={(e) => { e.preventDefault(); if (!valid[step]) return; if (last) create.mutate(); else setStep(step + 1); }}>
          <DialogBody>
            <DialogTitle>{t('add.title')}</DialogTitle>
            <DialogContent>
              <ol className={s.steps} aria-label={t('add.steps')}>
                {stepNames.map((n, i) => (
                  <li key={n} aria-current={i === step ? 'step' : undefined}>
                    <Text weight={i === step ? 'semibold' : 'regular'}>{t(`add.step.${n}`)}</Text>
                  </li>
                ))}
              </ol>
              <Text as="h3" block size={400} weight="semibold">{t('add.stepOf', { n: step + 1, total: stepNames.length, name: title })}</Text>
              {create.error && !(target && stepOf[target] !== undefined) && <ErrorMessage error={create.error} />}
              {step === 0 && <TypeStep draft={draft} setDraft={setDraft} />}
              {step === 1 && <BasicsStep draft={draft} setDraft={setDraft} serverError={serverError} />}
              {step === 2 && <PeopleStep draft={draft} setDraft={setDraft} serverError={serverError} tooMany={tooMany} />}
              {step === 3 && <ReviewStep draft={draft} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>{t('common:action.cancel')}</Button>
              {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('add.back')}</Button>}
              <Button appearance="primary" type="submit" disabled={!valid[step] || create.isPending}>{last ? t('add.submit') : t('add.next')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
