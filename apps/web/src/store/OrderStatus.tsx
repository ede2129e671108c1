const LABELS: Record<string, string> = {
  new: 'New',
  awaiting_payment: 'Awaiting payment',
  paid: 'Paid',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

export function OrderStatus({ status }: { status: string }) {
  return <span className={`status-pill ${status}`}>{LABELS[status] ?? status}</span>;
}
