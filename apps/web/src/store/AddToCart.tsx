/** Placeholder until the cart API lands: says so instead of pretending. */
export function AddToCart({ sku, name }: { sku: number; name: string }) {
  return (
    <button
      type="button"
      className="button small"
      disabled
      title="The cart service is not available yet"
      data-sku={sku}
      aria-label={`Add ${name} to cart`}
    >
      Add to cart
    </button>
  );
}
