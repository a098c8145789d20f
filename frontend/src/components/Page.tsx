import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface PageProps {
  title: string;
  /** A line under the title: context such as the school or the group's mentor. */
  lead?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}

/** A page with its h1. On arrival the title gets focus, so screen readers announce the new page
 * (a single-page app has no page load to do that) and keyboard users start at the top. */
export function Page({ title, lead, actions, children }: PageProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <>
      <header className="page-header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {lead ? <p className="lead">{lead}</p> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </>
  );
}
