type T = (key: string) => string;

/** A column's meaning in the reader's language: label_kk is "label" + "(in Kazakh)". */
export function describeColumn(t: T, column: string): string {
  const localized = /^(.+)_(kk|ru|en)$/.exec(column);
  if (localized?.[1] && localized[2]) {
    const base = t(`data.columns.${localized[1]}`).replace(/\.$/, '');
    return `${base} (${t(`data.lang.${localized[2]}`)}).`;
  }
  return t(`data.columns.${column}`);
}
