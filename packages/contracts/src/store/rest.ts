import { Type } from 'typebox';

/** Money in the REST API: minor units as a JSON integer (gRPC's int64 is a string in JSON). */
export const MoneyJson = Type.Object(
  {
    amount: Type.Integer({ minimum: 0, description: 'Minor units: 1299 is 12.99.' }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' }),
  },
  { title: 'Money' },
);

export const SkuParam = Type.Integer({ minimum: 1, maximum: 4294967295, description: 'SKU' });
