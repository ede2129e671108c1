import { create } from '@bufbuild/protobuf';
import { type Money, MoneySchema } from '../gen/store/v1/money_pb.js';

/** Plain money: minor units as a safe integer. */
export interface Amount {
  amount: number;
  currency: string;
}

export function toMoney({ amount, currency }: Amount): Money {
  return create(MoneySchema, { amount: BigInt(amount), currency });
}

/** Minor units fit a JS number up to 2^53, far beyond any basket. */
export function fromMoney(money: Money | undefined): Amount {
  if (!money) return { amount: 0, currency: '' };
  return { amount: Number(money.amount), currency: money.currency };
}
