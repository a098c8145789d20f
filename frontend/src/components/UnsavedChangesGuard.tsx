import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/** While a form has unsaved changes, leaving the page (a link, back, reload, closing the tab)
 * asks first. Half-filled forms are not lost by accident. */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(dirty);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    if (blocker.state === 'blocked') dialog.current?.showModal();
    else dialog.current?.close();
  }, [blocker.state]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      role="alertdialog"
      aria-labelledby="unsaved-title"
      onCancel={() => blocker.reset?.()}
    >
      <h2 id="unsaved-title">{t('student.unsaved')}</h2>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={() => blocker.reset?.()}>
          {t('student.stay')}
        </button>
        <button type="button" className="button secondary" onClick={() => blocker.proceed?.()}>
          {t('student.leave')}
        </button>
      </div>
    </dialog>
  );
}
