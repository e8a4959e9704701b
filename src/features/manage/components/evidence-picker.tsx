import { useId, useState, type ChangeEvent } from 'react';
import type { Evidence } from '@/contract/revisions';
import { uploadEvidence } from '../api/upload-evidence';
import { useReviewT } from '../hooks/use-manage-catalogue';
import { evidenceProblem } from '../lib/evidence-file';
import { reviewErrorText } from '../lib/review-error';
import { EvidenceList } from './evidence-list';

const MAX_FILES = 10;

/**
 * Evidence files: each chosen file is checked here (type, size), sent to the server, and listed
 * with the name, size and SHA-256 the server answered; a file can be taken off again.
 */
export function EvidencePicker({
  files,
  onChange,
  label,
}: {
  files: readonly Evidence[];
  onChange: (files: Evidence[]) => void;
  label?: string;
}) {
  const { t } = useReviewT();
  const id = useId();
  const [problems, setProblems] = useState<string[]>([]);
  const [uploading, setUploading] = useState(0);
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = '';
    const found: string[] = [];
    const added: Evidence[] = [];
    setUploading(chosen.length);
    for (const file of chosen) {
      const problem = evidenceProblem(file);
      if (files.length + added.length >= MAX_FILES) {
        found.push(t('evidence.tooMany', { name: file.name, max: MAX_FILES }));
      } else if (problem) {
        found.push(t(`evidence.problem.${problem}`, { name: file.name }));
      } else {
        try {
          added.push(await uploadEvidence(file));
        } catch (error) {
          const { key, values } = reviewErrorText(error);
          found.push(t('evidence.refused', { name: file.name, reason: t(key, values) }));
        }
      }
    }
    setUploading(0);
    setProblems(found);
    if (added.length > 0) onChange([...files, ...added]);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t('form.evidence')}</label>
      <p id={`${id}-hint`} className="field__hint">
        {t('form.evidenceHint')}
      </p>
      <input
        id={id}
        type="file"
        multiple
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        aria-describedby={`${id}-hint`}
        onChange={(event) => void choose(event)}
      />
      <p role="status" className="muted">
        {uploading > 0 ? t('evidence.uploading', { count: uploading }) : ''}
      </p>
      {problems.map((problem) => (
        <p key={problem} className="field__error" role="alert">
          {problem}
        </p>
      ))}
      <EvidenceList
        files={files}
        onRemove={(gone) => onChange(files.filter((f) => f.id !== gone))}
      />
    </div>
  );
}
