using Microsoft.Extensions.DependencyInjection;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;

namespace Redress.Api.Tests;

/// <summary>
/// Makes the host's ledger throw on the first money movement, before or after the real ledger has paid (a
/// connection lost on the way there or on the way back), and pass everything through afterwards.
/// </summary>
internal sealed class OneLedgerFailure(bool payFirst)
{
    private int _thrown;

    public int Thrown => Volatile.Read(ref _thrown);

    public void Decorate(IServiceCollection services)
    {
        var original = services.Single(d => d.ServiceType == typeof(ILedger));
        var implementation = original.ImplementationType!;
        services.Remove(original);
        services.Add(new ServiceDescriptor(implementation, implementation, original.Lifetime));
        services.Add(new ServiceDescriptor(typeof(ILedger), sp => new Ledger((ILedger)sp.GetRequiredService(implementation), this), original.Lifetime));
    }

    private async Task<Result<LedgerTransaction>> WriteAsync(Func<Task<Result<LedgerTransaction>>> write)
    {
        if (Volatile.Read(ref _thrown) > 0)
        {
            return await write();
        }

        if (payFirst)
        {
            await write();
        }

        Interlocked.Increment(ref _thrown);
        throw new HttpRequestException("The ledger connection was reset.");
    }

    private sealed class Ledger(ILedger inner, OneLedgerFailure failure) : ILedger
    {
        public Task<Result<Page<LedgerTransaction>>> HistoryAsync(HistoryQuery query, CancellationToken cancellationToken) => inner.HistoryAsync(query, cancellationToken);

        public Task<Result<LedgerTransaction>> FindAsync(string reference, CancellationToken cancellationToken) => inner.FindAsync(reference, cancellationToken);

        public Task<IReadOnlyList<LedgerAccount>> AccountsOfAsync(Guid customerId, CancellationToken cancellationToken) => inner.AccountsOfAsync(customerId, cancellationToken);

        public Task<Result<LedgerTransaction>> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
            failure.WriteAsync(() => inner.RefundAsync(request, cancellationToken));

        public Task<Result<LedgerTransaction>> CreditCompensationAsync(CompensationRequest request, CancellationToken cancellationToken) =>
            failure.WriteAsync(() => inner.CreditCompensationAsync(request, cancellationToken));

        public Task<Result<LedgerTransaction>> ReverseFeeAsync(FeeReversalRequest request, CancellationToken cancellationToken) =>
            failure.WriteAsync(() => inner.ReverseFeeAsync(request, cancellationToken));

        public Task<Result<LedgerTransaction>> SettlePendingRefundAsync(SettleRefundRequest request, CancellationToken cancellationToken) =>
            failure.WriteAsync(() => inner.SettlePendingRefundAsync(request, cancellationToken));

        public Task<Result<LedgerTransaction>> ReverseAsync(ReversalRequest request, CancellationToken cancellationToken) =>
            failure.WriteAsync(() => inner.ReverseAsync(request, cancellationToken));

        public Task<Result<LedgerAccount>> FreezeAsync(AccountStatusRequest request, CancellationToken cancellationToken) => inner.FreezeAsync(request, cancellationToken);

        public Task<Result<LedgerAccount>> UnfreezeAsync(AccountStatusRequest request, CancellationToken cancellationToken) => inner.UnfreezeAsync(request, cancellationToken);
    }
}
