using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel;
using Redress.SharedKernel.Demo;
using Redress.SharedKernel.Ledger;
using Redress.Wallet.Data;

namespace Redress.Wallet.Features;

/// <summary>
/// Gives each demo customer about four months of wallet history in their own currency and language, including
/// every failure people complain about: a transfer that failed after the money left, a merchant refund overdue,
/// a fee charged twice, a payment charged twice and a payment the customer will not recognise. Built in memory
/// with the same balanced entries and non-negative balances as the live path, then saved once per customer,
/// because one guarded transaction per row would make start-up slow. Deterministic per customer and skipped for
/// customers who already have a wallet.
/// </summary>
internal sealed class DemoWalletSeeder(WalletDbContext db, WalletOperations operations, TimeProvider time) : IDemoSeeder
{
    private const int HistoryDays = 120;

    public int Order => 50;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var customer in context.Customers)
        {
            var currency = Currency.From(customer.Jurisdiction switch { "GB" => "GBP", "US" => "USD", "EU" => "EUR", _ => "CNY" });
            if (await db.Accounts.AnyAsync(a => a.CustomerId == customer.UserId, cancellationToken))
            {
                continue;
            }

            var opened = await operations.OpenWalletAsync(customer.UserId, currency, cancellationToken);
            var wallet = await db.Accounts.Include(a => a.FundingSources).SingleAsync(a => a.Id == opened.Id, cancellationToken);
            var history = new DemoHistory(wallet, currency, customer.Culture.StartsWith("zh", StringComparison.Ordinal), Seed(customer.Email), now.AddDays(-HistoryDays));
            history.Build(now);
            db.Transactions.AddRange(history.Transactions);
            db.JournalEntries.AddRange(history.Entries);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    // string.GetHashCode differs per process; the demo must be the same every run.
    private static int Seed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private sealed class DemoHistory(WalletAccount wallet, Currency currency, bool chinese, int seed, DateTimeOffset start)
    {
        private static readonly string[] s_chineseMerchants = ["美团外卖", "滴滴出行", "盒马鲜生", "瑞幸咖啡", "星巴克", "京东商城", "拼多多", "罗森便利店", "肯德基", "中石化加油站", "哔哩哔哩大会员", "全家便利店"];
        private static readonly string[] s_englishMerchants = ["Tesco", "Pret A Manger", "Uber", "Amazon", "Deliveroo", "Starbucks", "Netflix", "Boots", "Shell", "Spotify", "Sainsbury's", "Trainline"];
        private static readonly string[] s_chineseBills = ["中国移动话费", "国家电网电费", "北京燃气"];
        private static readonly string[] s_englishBills = ["EE Mobile", "British Gas", "Thames Water"];
        private static readonly string[] s_chineseFriends = ["李雷", "韩梅梅", "张伟", "刘芳"];
        private static readonly string[] s_englishFriends = ["Tom Baker", "Olivia Brown", "Priya Shah", "Daniel Evans"];

        private readonly Random _random = new(seed);
        private readonly Guid _clearing = WalletAccount.SystemAccountId(AccountKind.FundingClearing, currency);
        private readonly Guid _merchants = WalletAccount.SystemAccountId(AccountKind.MerchantSettlement, currency);
        private readonly Guid _fees = WalletAccount.SystemAccountId(AccountKind.FeeIncome, currency);
        private readonly long _unit = currency.MinorUnits == 0 ? 1 : (long)Math.Pow(10, currency.MinorUnits);

        public List<WalletTransaction> Transactions { get; } = [];

        public List<JournalEntry> Entries { get; } = [];

        public void Build(DateTimeOffset now)
        {
            var card = wallet.LinkFundingSource(FundingSourceKind.Card, chinese ? "招商银行信用卡" : "Visa", LastFour(), start);
            var bank = wallet.LinkFundingSource(FundingSourceKind.BankAccount, chinese ? "中国工商银行" : "Barclays", LastFour(), start);
            var merchants = chinese ? s_chineseMerchants : s_englishMerchants;
            var bills = chinese ? s_chineseBills : s_englishBills;
            var friends = chinese ? s_chineseFriends : s_englishFriends;

            // Planned first and then played in time order, so that the balance never dips below zero at any moment of the history.
            var plan = new List<(DateTimeOffset At, Action<DateTimeOffset> Act)>
            {
                (start.AddHours(9), at => TopUp(at, Major(chinese ? 3000 : 800), card)),
            };
            for (var day = 1; day < HistoryDays - 1; day++)
            {
                var date = start.AddDays(day);
                for (var i = _random.Next(0, 3); i > 0; i--)
                {
                    var (amount, merchant) = (Minor(chinese ? 8 : 3, chinese ? 180 : 60), merchants[_random.Next(merchants.Length)]);
                    Plan(plan, At(date), at => Debit(at, LedgerTransactionType.Payment, amount, merchant, card));
                }

                if (day % 30 == 5)
                {
                    var (amount, biller) = (Minor(chinese ? 50 : 20, chinese ? 200 : 90), bills[_random.Next(bills.Length)]);
                    Plan(plan, At(date), at => Debit(at, LedgerTransactionType.BillPayment, amount, biller, card));
                }

                if (day % 17 == 3)
                {
                    var (amount, friend) = (Major(_random.Next(1, 6) * (chinese ? 100 : 20)), friends[_random.Next(friends.Length)]);
                    Plan(plan, At(date), at => Debit(at, LedgerTransactionType.Transfer, amount, friend, card));
                }

                if (day % 40 == 20)
                {
                    Plan(plan, At(date), at =>
                    {
                        Debit(at, LedgerTransactionType.Withdrawal, Major(chinese ? 1000 : 200), chinese ? "提现至中国工商银行" : "Withdrawal to Barclays", bank);
                        Debit(at.AddSeconds(5), LedgerTransactionType.Fee, Major(chinese ? 2 : 1), chinese ? "提现手续费" : "Withdrawal fee", bank);
                    });
                }
            }

            PlanFailures(plan, now, merchants, friends, card, bank);
            foreach (var (at, act) in plan.OrderBy(p => p.At))
            {
                act(at);
            }
        }

        private void PlanFailures(List<(DateTimeOffset At, Action<DateTimeOffset> Act)> plan, DateTimeOffset now, string[] merchants, string[] friends, FundingSource card, FundingSource bank)
        {
            // A payment that failed before any money moved: ordinary, and not a complaint by itself.
            Plan(plan, now.AddDays(-30).AddHours(-3), at =>
                Transaction(at, LedgerTransactionType.Payment, LedgerDirection.Debit, Major(chinese ? 260 : 75), merchants[0])
                    .Fail(chinese ? "商户系统超时，未扣款" : "Merchant timed out; nothing was taken", at.AddSeconds(30)));

            // A merchant refund agreed four days after the purchase, promised within a week, still pending.
            Plan(plan, now.AddDays(-20), at =>
            {
                var returned = Debit(at, LedgerTransactionType.Payment, Major(chinese ? 399 : 89), chinese ? "优衣库官方旗舰店" : "ASOS", card);
                Transaction(at.AddDays(4), LedgerTransactionType.Refund, LedgerDirection.Credit, returned.AmountMinor, returned.Counterparty, returned).Promise(at.AddDays(11));
            });

            // A withdrawal fee charged twice for one withdrawal.
            Plan(plan, now.AddDays(-10), at =>
            {
                Debit(at, LedgerTransactionType.Withdrawal, Major(chinese ? 500 : 150), chinese ? "提现至中国工商银行" : "Withdrawal to Barclays", bank);
                Debit(at.AddSeconds(4), LedgerTransactionType.Fee, Major(chinese ? 2 : 1), chinese ? "提现手续费" : "Withdrawal fee", bank);
                Debit(at.AddMinutes(2), LedgerTransactionType.Fee, Major(chinese ? 2 : 1), chinese ? "提现手续费" : "Withdrawal fee", bank);
            });

            // One payment taken twice, forty seconds apart.
            var doubleCharged = Minor(chinese ? 30 : 10, chinese ? 90 : 40);
            Plan(plan, now.AddDays(-6), at =>
            {
                Debit(at, LedgerTransactionType.Payment, doubleCharged, merchants[1], card);
                Debit(at.AddSeconds(40), LedgerTransactionType.Payment, doubleCharged, merchants[1], card);
            });

            // A payment at 03:14 local time to a payee this customer never used.
            var night = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-2).AddHours(chinese ? 19 : 3).AddMinutes(14);
            Plan(plan, night, at => Debit(at, LedgerTransactionType.Payment, Major(chinese ? 688 : 149), chinese ? "深圳市迅捷数码科技有限公司" : "PAYPAL *DIGITALSVCS 4029357733", card));

            // A transfer the recipient's side rejected after the money left the wallet, not yet sent back.
            Plan(plan, now.AddDays(-3), at =>
                Debit(at, LedgerTransactionType.Transfer, Major(chinese ? 500 : 120), friends[0], card, complete: false)
                    .Fail(chinese ? "收款方账户状态异常，转账未到账" : "Recipient's bank rejected the transfer (account closed)", at.AddMinutes(20)));
        }

        private static void Plan(List<(DateTimeOffset At, Action<DateTimeOffset> Act)> plan, DateTimeOffset at, Action<DateTimeOffset> act) => plan.Add((at, act));

        private WalletTransaction Transaction(DateTimeOffset at, LedgerTransactionType type, LedgerDirection direction, long amount, string? counterparty, WalletTransaction? original = null)
        {
            var transaction = WalletTransaction.Create(wallet.Id, currency, type, direction, amount, counterparty, null, at, original);
            Transactions.Add(transaction);
            return transaction;
        }

        private void TopUp(DateTimeOffset at, long amount, FundingSource card)
        {
            var topUp = Transaction(at, LedgerTransactionType.TopUp, LedgerDirection.Credit, amount, card.Issuer);
            topUp.UseFundingSource(card);
            Post(topUp, _clearing);
        }

        /// <summary>A debit, topped up from the card first when the balance would not cover it, as the wallet app does.</summary>
        private WalletTransaction Debit(DateTimeOffset at, LedgerTransactionType type, long amount, string counterparty, FundingSource source, bool complete = true)
        {
            if (wallet.BalanceMinor < amount)
            {
                TopUp(at.AddMinutes(-1), Math.Max(amount, Major(chinese ? 1000 : 300)), source);
            }

            var counter = type switch
            {
                LedgerTransactionType.Fee => _fees,
                LedgerTransactionType.Payment or LedgerTransactionType.BillPayment => _merchants,
                _ => _clearing,
            };
            var debit = Transaction(at, type, LedgerDirection.Debit, amount, counterparty);
            Post(debit, counter, complete);
            return debit;
        }

        private void Post(WalletTransaction transaction, Guid counter, bool complete = true)
        {
            if (complete)
            {
                transaction.Complete(transaction.CreatedAt.AddSeconds(2));
            }

            wallet.Apply(transaction.WalletDelta);
            transaction.MarkPosted();
            Entries.Add(JournalEntry.Create(
                transaction.CreatedAt,
                Posting.To(transaction, wallet.Id, transaction.WalletDelta),
                Posting.To(transaction, counter, -transaction.WalletDelta)));
        }

        // Waking hours where the customer lives: 08:00–22:00 in China (UTC+8), 07:00–21:00 UTC otherwise.
        private DateTimeOffset At(DateTimeOffset date) =>
            new DateTimeOffset(date.UtcDateTime.Date, TimeSpan.Zero).AddHours(_random.Next(0, 14) + (chinese ? 0 : 7)).AddMinutes(_random.Next(60)).AddSeconds(_random.Next(60));

        private long Major(int amount) => amount * _unit;

        private long Minor(int minMajor, int maxMajor) => _random.NextInt64(minMajor * _unit, maxMajor * _unit);

        private string LastFour() => _random.Next(0, 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
    }
}
