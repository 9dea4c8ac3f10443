using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Redress.SharedKernel.Demo;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Persistence;
using Redress.Wallet.Data;
using Redress.Wallet.Features;

namespace Redress.Wallet;

public static class WalletModule
{
    public static IServiceCollection AddWallet(this IServiceCollection services)
    {
        services.AddDbContext<WalletDbContext>((provider, options) =>
            options.UseRedressDatabase(provider.GetRequiredService<IOptions<DatabaseSettings>>().Value, "wallet"));
        services.AddModuleDatabase<WalletDbContext>("wallet");
        services.AddScoped<LedgerWriter>();
        services.AddScoped<TransactionQueries>();
        services.AddScoped<WalletOperations>();
        services.AddScoped<ILedger, Ledger>();
        services.AddScoped<StaffLedgerOperations>();
        services.AddScoped<GetWalletHandler>();
        services.AddScoped<ListTransactionsHandler>();
        services.AddScoped<GetTransactionHandler>();
        services.AddScoped<IDemoSeeder, DemoWalletSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapWalletApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetWallet();
        endpoints.MapListTransactions();
        endpoints.MapGetTransaction();
        endpoints.MapStaffLedgerWrites();
        return endpoints;
    }
}
