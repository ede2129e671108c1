import { formatMoney, type Money } from './format';

/**
 * The item, quantity and price columns that cart and order tables share; `subtotal` and `actions`
 * add the cart's extra columns.
 */
export function LinesHead({ subtotal = false, actions = false }) {
  return (
    <thead>
      <tr>
        <th scope="col">Item</th>
        <th scope="col" className="num">
          Qty
        </th>
        <th scope="col" className="num">
          Price
        </th>
        {subtotal && (
          <th scope="col" className="num">
            Subtotal
          </th>
        )}
        {actions && (
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  );
}

/** A line's item, quantity and price cells, matching LinesHead. */
export function LineCells({ item }: { item: { name: string; count: number; price: Money } }) {
  return (
    <>
      <td>{item.name}</td>
      <td className="num">{item.count}</td>
      <td className="num">{formatMoney(item.price)}</td>
    </>
  );
}
