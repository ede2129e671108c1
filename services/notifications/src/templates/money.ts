export interface Amount {
  /** Minor units (cents). */
  amount: number;
  currency: string;
}

/** 1999 EUR → "€19.99"; an unknown currency code falls back to "19.99 XYZ". */
export function formatMoney({ amount, currency }: Amount): string {
  try {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amount / 10 ** digits);
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency}`;
  }
}
