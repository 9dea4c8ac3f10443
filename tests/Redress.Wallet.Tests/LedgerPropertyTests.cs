using CsCheck;
using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;

namespace Redress.Wallet.Tests;

/// <summary>
/// Random sequences of every kind of ledger write, valid and invalid, against a simple model of what each should
/// do. After each sequence: each write succeeded exactly when the model said it should, stored balances equal the
/// model and the sum of postings, every entry balances, no balance is negative and no original is over-refunded.
/// </summary>
public sealed class LedgerPropertyTests(SqliteWalletDatabase database) : IClassFixture<SqliteWalletDatabase>
{
    private const int Wallets = 3;
    private static readonly Currency s_cny = Currency.Cny;

    internal enum Kind
    {
        TopUp,
        Pay,
        Fee,
        Transfer,
        Refund,
        Compensate,
        ReverseFee,
        Freeze,
        Unfreeze,
        RetryLast,
    }

    internal sealed record Op(Kind Kind, int Wallet, long Amount, int Target)
    {
        public override string ToString() => $"{Kind}(w{Wallet}, {Amount}, t{Target})";
    }

    private static readonly Gen<Op> s_op = Gen.Select(
        Gen.Enum<Kind>(),
        Gen.Int[0, Wallets - 1],
        Gen.Frequency((1, Gen.Long[-100, 0]), (8, Gen.Long[1, 5_000])),
        Gen.Int[0, 20],
        (kind, wallet, amount, target) => new Op(kind, wallet, amount, target));

    [Fact]
    public async Task Random_operation_sequences_keep_the_ledger_consistent_and_match_the_model()
    {
        await s_op.Array[1, 30].SampleAsync(RunAsync, iter: 40, threads: 1);
        await LedgerAudit.AssertConsistentAsync(database);
    }

    private async Task RunAsync(Op[] ops)
    {
        var ct = TestContext.Current.CancellationToken;
        var model = new Model();
        var wallets = new WalletAccount[Wallets];
        for (var i = 0; i < Wallets; i++)
        {
            wallets[i] = await database.FundedWalletAsync(0);
        }

        (Func<Task<bool>> Run, bool Expected)? last = null;
        await using var scope = database.NewScope();
        foreach (var op in ops)
        {
            var wallet = wallets[op.Wallet].Id;
            var money = new Money(op.Amount, s_cny);
            var key = Guid.NewGuid().ToString("N");
            (Func<Task<bool>> Run, bool Expected) step = op.Kind switch
            {
                Kind.TopUp => (async () => (await scope.Operations.TopUpAsync(key, wallet, money, ct)).IsSuccess, model.TopUp(op)),
                Kind.Pay => (async () => Record(model, op, await scope.Operations.PayAsync(key, wallet, money, "商户", ct), isFee: false), model.Debit(op)),
                Kind.Fee => (async () => Record(model, op, await scope.Operations.ChargeFeeAsync(key, wallet, money, "手续费", ct), isFee: true), model.Debit(op)),
                Kind.Transfer => (async () => (await scope.Operations.TransferAsync(key, wallet, wallets[op.Target % Wallets].Id, money, ct)).IsSuccess, model.Transfer(op)),
                Kind.Refund when model.Payments.Count > 0 => RefundStep(scope, model, op, key, ct),
                Kind.Compensate => (async () => (await scope.Ledger.CreditCompensationAsync(new CompensationRequest(key, wallet, money, "补偿"), ct)).IsSuccess, model.TopUp(op)),
                Kind.ReverseFee when model.Fees.Count > 0 => ReverseFeeStep(scope, model, op, key, ct),
                Kind.Freeze => (async () => (await scope.Ledger.FreezeAsync(new AccountStatusRequest(key, wallet, "冻结"), ct)).IsSuccess, model.SetFrozen(op.Wallet, true)),
                Kind.Unfreeze => (async () => (await scope.Ledger.UnfreezeAsync(new AccountStatusRequest(key, wallet, "解冻"), ct)).IsSuccess, model.SetFrozen(op.Wallet, false)),
                // A retry of the previous write with its key: succeeds exactly when the first try did, and changes nothing.
                Kind.RetryLast when last is { } previous => (previous.Run, previous.Expected),
                _ => (() => Task.FromResult(true), true),
            };
            var succeeded = await step.Run();
            Assert.True(step.Expected == succeeded, $"{op} expected success={step.Expected}, got {succeeded}");
            last = step;
        }

        await using var db = database.NewContext();
        for (var i = 0; i < Wallets; i++)
        {
            var stored = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == wallets[i].Id, TestContext.Current.CancellationToken);
            Assert.Equal(model.Balances[i], stored.BalanceMinor);
        }
    }

    private static bool Record(Model model, Op op, Result<WalletTransaction> result, bool isFee)
    {
        // A retry replays the first result; the model already holds that charge.
        if (result.IsSuccess && !model.Payments.Concat(model.Fees).Any(c => c.Reference == result.Value.Reference))
        {
            (isFee ? model.Fees : model.Payments).Add(new Model.Charge(result.Value.Reference, op.Wallet, op.Amount));
        }

        return result.IsSuccess;
    }

    private static (Func<Task<bool>>, bool) RefundStep(WalletDatabase.Scope scope, Model model, Op op, string key, CancellationToken ct)
    {
        var payment = model.Payments[op.Target % model.Payments.Count];
        var expected = model.Refund(payment, op.Amount);
        return (async () => (await scope.Ledger.RefundAsync(new RefundRequest(key, payment.Reference, new Money(op.Amount, s_cny), "退款"), ct)).IsSuccess, expected);
    }

    private static (Func<Task<bool>>, bool) ReverseFeeStep(WalletDatabase.Scope scope, Model model, Op op, string key, CancellationToken ct)
    {
        var fee = model.Fees[op.Target % model.Fees.Count];
        var expected = model.ReverseFee(fee);
        return (async () => (await scope.Ledger.ReverseFeeAsync(new FeeReversalRequest(key, fee.Reference, "退还手续费"), ct)).IsSuccess, expected);
    }

    /// <summary>What the ledger should do, in a few lines; its predictions are made before the real call.</summary>
    private sealed class Model
    {
        public long[] Balances { get; } = new long[Wallets];

        public bool[] Frozen { get; } = new bool[Wallets];

        public List<Charge> Payments { get; } = [];

        public List<Charge> Fees { get; } = [];

        public bool TopUp(Op op)
        {
            if (op.Amount <= 0)
            {
                return false;
            }

            Balances[op.Wallet] += op.Amount;
            return true;
        }

        public bool Debit(Op op)
        {
            if (op.Amount <= 0 || Frozen[op.Wallet] || Balances[op.Wallet] < op.Amount)
            {
                return false;
            }

            Balances[op.Wallet] -= op.Amount;
            return true;
        }

        public bool Transfer(Op op)
        {
            var target = op.Target % Wallets;
            if (target == op.Wallet || !Debit(op))
            {
                return false;
            }

            Balances[target] += op.Amount;
            return true;
        }

        public bool Refund(Charge payment, long amount)
        {
            if (amount <= 0 || payment.Refunded + amount > payment.Amount)
            {
                return false;
            }

            payment.Refunded += amount;
            Balances[payment.Wallet] += amount;
            return true;
        }

        public bool ReverseFee(Charge fee)
        {
            if (fee.Refunded > 0)
            {
                return false;
            }

            fee.Refunded = fee.Amount;
            Balances[fee.Wallet] += fee.Amount;
            return true;
        }

        public bool SetFrozen(int wallet, bool frozen)
        {
            if (Frozen[wallet] == frozen)
            {
                return false;
            }

            Frozen[wallet] = frozen;
            return true;
        }

        public sealed class Charge(string reference, int wallet, long amount)
        {
            public string Reference { get; } = reference;

            public int Wallet { get; } = wallet;

            public long Amount { get; } = amount;

            public long Refunded { get; set; }
        }
    }
}
