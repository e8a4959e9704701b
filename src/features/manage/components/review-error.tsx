import { useReviewT } from '../hooks/use-manage-catalogue';
import { reviewErrorText } from '../lib/review-error';

/** Why the server refused a review request, in plain words; nothing when there was no error. */
export function ReviewError({ error }: { error: unknown }) {
  const { t } = useReviewT();
  if (error === null || error === undefined) return null;
  const { key, values } = reviewErrorText(error);
  return (
    <p className="manage-error" role="alert">
      {t(key, values)}
    </p>
  );
}
