import { citationIn } from '@huimin/policy/citations';
import { Alert, App, Button, Checkbox, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { Application, Permission } from '../../api/schema.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { pick } from '../../components/format.js';
import { useSession } from '../../session/session.js';
import { withoutWaiverNote } from './material-names.js';
import { useStateLabel } from './state-tag.js';
import { UnmetList, type SubmissionCheck } from './draft-precheck.js';

/** Actions that need a reason (受理 refused, 补正, 驳回 …), as the workflow on the server requires. */
export const REASON_REQUIRED = new Set(['withdraw', 'not-accept', 'return', 'reject', 'object', 'bounce', 'revoke']);
const DANGEROUS = new Set(['not-accept', 'reject', 'revoke', 'withdraw']);
/**
 * What sends it back or aside without refusing it (补正, 异议): a plain button, so the step forward
 * is the one filled button (the primary colour is red too, so the two read alike otherwise).
 */
const ASIDE = new Set(['return', 'object']);
/** Done by the payment batch, not by hand. */
const NOT_HERE = new Set(['pay', 'bounce']);

/** The applicant's own decisions: a clerk files at the counter, but withdrawing is the applicant's to ask. */
const APPLICANTS_ONLY = new Set(['withdraw']);
/** The steps that judge the materials: before them, a missing one is pointed out. */
const JUDGES_MATERIALS = new Set(['review', 'approve']);
/** Filing: before it, the applicant hears what the engine would refuse and which files are missing. */
const FILES = new Set(['submit', 'resubmit']);

/**
 * The actions the server says this account may take now, each sent with the version the user saw;
 * before review or approval, the materials not yet handed in are named in the confirmation.
 */
/** The actions this panel offers the person: those taken elsewhere, or by the applicant alone, left out. */
export function actionsHere(
  application: Pick<Application, 'actions'>,
  can: (...permissions: Permission[]) => boolean,
): string[] {
  return application.actions.filter((a) => !NOT_HERE.has(a) && (!APPLICANTS_ONLY.has(a) || can('application:own')));
}

export function ActionsPanel({
  application,
  onDone,
  missingMaterials = [],
}: {
  application: Application;
  onDone: (a: Application) => void;
  missingMaterials?: string[];
}) {
  const { t, i18n } = useTranslation();
  const stateLabel = useStateLabel();
  const lang = i18n.language;
  const { can } = useSession();
  const { message } = App.useApp();
  const [pending, setPending] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<SubmissionCheck>();
  const [agreed, setAgreed] = useState(false);
  const [correctionNeeded, setCorrectionNeeded] = useState(false);
  // 容缺受理: materials missing block filing unless the region allows them to follow on a promise.
  const missing = pending && FILES.has(pending) && check ? check.missingMaterials.length > 0 : false;
  const blocked = missing && !check?.deferral.allowed;
  const promising = missing && check?.deferral.allowed === true;
  // 补正: returned and nothing uploaded since — going back as it was needs a note of what was done.
  const noteNeeded = pending === 'resubmit' && correctionNeeded;

  /**
   * Reads the submission check (提交前确认), then goes on with what it found; a check that fails is
   * shown, and `failed` (if given) goes on without it.
   */
  const checkThen = async (next: (found: SubmissionCheck) => Promise<void> | void, failed?: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      const found = await api<SubmissionCheck>('GET', `/api/v1/applications/${application.id}/submission-check`);
      setCorrectionNeeded(found.correctionNeeded);
      await next(found);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
      failed?.();
    } finally {
      setBusy(false);
    }
  };

  // The applicant is asked only when something would be refused or is missing; otherwise it files at once.
  const file = (action: string) =>
    checkThen(async (found) => {
      if (found.eligible && found.missingMaterials.length === 0 && !(action === 'resubmit' && found.correctionNeeded))
        return run(action);
      setCheck(found);
      setAgreed(false);
      setPending(action);
    });

  // 受理 of a claim the engine finds ineligible is asked again, with what is unmet and a reason for
  // the record: review could not pass it. Judged on the facts held now and on the day review judges
  // (a declaration confirmed since filing may have met what was unmet then). A check that fails
  // does not stop the clerk: the confirmation opens with the failure shown.
  const accept = () => {
    setCheck(undefined);
    return checkThen(
      (found) => {
        if (found.eligible) return run('accept');
        setCheck(found);
        setPending('accept');
      },
      () => setPending('accept'),
    );
  };
  // The server's word counts too: after a failed check, its refusal is what says a reason is needed.
  const overriding =
    pending === 'accept' &&
    ((check !== undefined && !check.eligible) || error?.code === 'INELIGIBLE_ACCEPT_REASON_REQUIRED');

  // Staff resubmitting at the counter are not held by missing materials (they have the paper), but
  // are asked for the note as the applicant is.
  const askNote = () => checkThen(() => setPending('resubmit'));

  const run = async (action: string, why?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await api<Application>('POST', `/api/v1/applications/${application.id}/transitions`, {
        action,
        version: application.version,
        ...(why ? { reason: why } : {}),
        ...(FILES.has(action) && promising && check
          ? { promise: { materials: check.deferral.materials, agreed } }
          : {}),
      });
      // Said as where the application now stands ("Now: Submitted"), which reads right for every action.
      void message.success(t('actions.done', { state: stateLabel(next) }));
      setPending(undefined);
      setReason('');
      onDone(next);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const actions = actionsHere(application, can);
  if (actions.length === 0) return null;
  const nameOf = (a: string) =>
    a === 'withdraw' && application.state === 'draft' ? t('actions.discardDraft') : t(`actions.names.${a}`);
  return (
    <>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            type={DANGEROUS.has(a) || ASIDE.has(a) ? 'default' : 'primary'}
            danger={DANGEROUS.has(a)}
            loading={busy && pending === undefined}
            data-testid={`action-${a}`}
            onClick={() =>
              FILES.has(a) && can('application:own')
                ? void file(a)
                : a === 'resubmit'
                  ? void askNote()
                  : a === 'accept'
                    ? void accept()
                    : REASON_REQUIRED.has(a) || a === 'review' || a === 'approve'
                      ? setPending(a)
                      : void run(a)
            }
          >
            {nameOf(a)}
          </Button>
        ))}
      </Space>
      {pending === undefined ? <ErrorAlert error={error} /> : null}
      <Modal
        open={pending !== undefined}
        title={pending ? nameOf(pending) : ''}
        okText={t('actions.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{
          disabled:
            (pending !== undefined &&
              (REASON_REQUIRED.has(pending) || noteNeeded || overriding) &&
              reason.trim() === '') ||
            blocked ||
            (promising && !agreed),
          id: 'action-confirm',
        }}
        onOk={() => pending && void run(pending, reason.trim() || undefined)}
        onCancel={() => {
          setPending(undefined);
          setError(undefined);
        }}
      >
        {pending && JUDGES_MATERIALS.has(pending) && missingMaterials.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('backOffice.workflow.missingMaterials', {
              names: missingMaterials.join(t('backOffice.workflow.separator')),
            })}
            data-testid="materials-warning"
          />
        ) : null}
        {overriding && check ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('actions.acceptIneligible')}
            description={<UnmetList unmet={check.unmet} />}
            data-testid="accept-ineligible"
          />
        ) : null}
        {noteNeeded ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            title={t('actions.correctionNeeded')}
            data-testid="correction-needed"
          />
        ) : null}
        {pending && FILES.has(pending) && check ? (
          <div data-testid="submission-check">
            {!check.eligible ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                title={t('facts.submit.notEligible')}
                description={<UnmetList unmet={check.unmet} />}
              />
            ) : null}
            {blocked ? (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 8 }}
                data-testid="materials-blocked"
                title={t('facts.deferred.blocked', {
                  names: check.missingMaterials.map((m) => pick(m, lang)).join(t('backOffice.workflow.separator')),
                })}
              />
            ) : null}
            {promising ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                data-testid="materials-promise"
                title={t('facts.deferred.mayPromise', {
                  date: check.deferral.dueOn ?? '',
                  names: check.missingMaterials.map((m) => pick(m, lang)).join(t('backOffice.workflow.separator')),
                })}
                description={
                  <>
                    <p style={{ margin: '8px 0' }}>
                      {check.deferral.promise ? pick(check.deferral.promise, lang) : ''}
                    </p>
                    <p style={{ margin: '0 0 8px' }}>
                      {t('facts.deferred.basis', { basis: citationIn(check.deferral.basis ?? '', i18n.language) })}
                    </p>
                    <Checkbox
                      checked={agreed}
                      onChange={(e) => setAgreed(e.target.checked)}
                      data-testid="promise-agree"
                    >
                      {t('facts.deferred.agree')}
                    </Checkbox>
                  </>
                }
              />
            ) : null}
            {check.waivedMaterials.length > 0 ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 8 }}
                title={t('facts.submit.waived', {
                  names: check.waivedMaterials
                    .map((m) => pick(withoutWaiverNote(m), lang))
                    .join(t('backOffice.workflow.separator')),
                })}
              />
            ) : null}
            {/* "May still be filed" answers a refusal or a gap; a note alone asked for is not one. */}
            {blocked || (check.eligible && !missing) ? null : <p>{t('facts.submit.anyway')}</p>}
          </div>
        ) : null}
        <Input.TextArea
          style={pending === 'submit' ? { display: 'none' } : undefined}
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={
            pending === 'resubmit'
              ? t(noteNeeded ? 'actions.correctionNoteRequired' : 'actions.correctionNoteOptional')
              : pending && (REASON_REQUIRED.has(pending) || overriding)
                ? t('actions.reasonRequired')
                : t('actions.reasonOptional')
          }
          data-testid="action-reason"
          maxLength={2000}
        />
        <ErrorAlert error={error} />
      </Modal>
    </>
  );
}
