import { ModalForm, type ModalFormProps, type ProFormInstance } from '@ant-design/pro-components';
import { useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { ErrorAlert } from './error-alert.js';
import { showOnFields } from './server-field-errors.js';

/**
 * A dialog form whose refusal is said inside it: under the field the server names, or above the
 * buttons. A page's own alert sits behind the dialog's overlay, so a refused 确定 looked like a
 * button that did nothing. The dialog closes only once `send` succeeds.
 */
export function RefusingModalForm<T extends Record<string, unknown>>({
  send,
  children,
  ...props
}: Omit<ModalFormProps<T>, 'onFinish' | 'formRef'> & { send: (values: T) => Promise<void>; children: ReactNode }) {
  // The dialog's own form, made anew each time it opens (what it was given before is not kept).
  const form = useRef<ProFormInstance<T>>(undefined);
  const [error, setError] = useState<ApiError>();
  return (
    <ModalForm<T>
      {...props}
      formRef={form}
      onOpenChange={(open) => {
        if (!open) setError(undefined);
        props.onOpenChange?.(open);
      }}
      onFinish={async (values) => {
        setError(undefined);
        try {
          await send(values);
          return true;
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          if (!form.current || !showOnFields(form.current, e)) setError(e);
          return false;
        }
      }}
    >
      {children}
      <ErrorAlert error={error} />
    </ModalForm>
  );
}
