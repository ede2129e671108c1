export {
  DIGITAL_STOCK,
  type ProductKindName,
  STORE_CURRENCY,
  STORE_ITEMS,
  type StoreItem,
} from './catalogue.js';
export { type Amount, fromMoney, toMoney } from './money.js';
export * from './proto.js';
export { MoneyJson, SkuParam } from './rest.js';
