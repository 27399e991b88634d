using EnterpriseLedger.Projections.Accounts;
using JasperFx;
using Marten;
using Wolverine;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Wolverine.Marten;

namespace EnterpriseLedger.Host.Hosting;

/// <summary>
/// The ASP.NET Core host with Marten and Wolverine. <c>serve</c> runs it on 127.0.0.1; other commands, such as
/// <c>projections rebuild</c>, go to the Marten and Wolverine command line.
/// </summary>
public static class LedgerWebHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var hostArgs = args is ["serve", ..] ? ["run", .. args[1..]] : args;
        var app = await BuildAsync(hostArgs, cancellationToken);
        return await app.RunJasperFxCommands(hostArgs);
    }

    public static async Task<WebApplication> BuildAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var connectionString = await LedgerDatabase.ResolveConnectionStringAsync(builder.Configuration, cancellationToken);
        builder.Services.AddMarten(options => LedgerStore.Configure(options, connectionString))
            .UseLightweightSessions()
            .IntegrateWithWolverine();
        builder.Host.UseWolverine(options =>
        {
            options.UseRuntimeCompilation();
            options.Policies.AutoApplyTransactions();
        });
        builder.Services.AddWolverineHttp();

        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/enterprise-accounts/{id:guid}/access", async (Guid id, IQuerySession session, CancellationToken token) =>
            await session.LoadAsync<AccessView>(id, token) is { } view ? Results.Ok(view) : Results.NotFound());
        app.MapWolverineEndpoints(options => options.MapMartenConcurrencyFailuresToConflict());
        return app;
    }
}
