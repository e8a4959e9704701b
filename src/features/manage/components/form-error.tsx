import { manageErrorText } from '../lib/manage-error';
import { useManageT } from '../hooks/use-manage-catalogue';

/** Why the server refused, in the person's language; nothing when there was no error. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useManageT();
  if (error === null || error === undefined) return null;
  const { key, values } = manageErrorText(error);
  return (
    <p className="manage-error" role="alert">
      {t(key, values)}
    </p>
  );
}
