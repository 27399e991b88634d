using EnterpriseLedger.Host.Api;
using EnterpriseLedger.Host.Api.Authentication;
using EnterpriseLedger.Host.Audit;
using EnterpriseLedger.Host.Broker;
using EnterpriseLedger.Host.Feed;
using JasperFx;
using Marten;
using Npgsql;
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
        if (string.IsNullOrEmpty(builder.Configuration["urls"])
            && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var connectionString = await LedgerDatabase.ResolveConnectionStringAsync(
            builder.Configuration, cancellationToken);
        builder.Services.AddMarten(options => LedgerStore.Configure(options, connectionString))
            .UseLightweightSessions()
            .IntegrateWithWolverine();
        // Broker fan-out, only with Broker:RabbitMq set: without it nothing connects to a broker.
        var broker = BrokerOptions.From(builder.Configuration);
        builder.Host.UseWolverine(options =>
        {
            options.UseRuntimeCompilation();
            options.Policies.AutoApplyTransactions();
            if (broker is not null)
            {
                BrokerFanOut.Configure(options, broker);
            }
        });
        builder.Services.AddWolverineHttp();
        builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<AuditStore>();
        builder.Services.AddSingleton(AuditSigningKey.LoadOrCreate(
            builder.Configuration[AuditSigningKey.ConfigurationKey] ?? AuditSigningKey.DefaultPath()));
        builder.Services.AddSingleton<AuditArchives>();
        builder.Services.AddSingleton(new FeedGaps());
        builder.Services.AddSingleton(new EventContract());
        builder.Services.AddSingleton<FeedReader>();
        if (broker is not null)
        {
            builder.Services.AddBrokerRelay(broker);
        }

        builder.Services.AddLedgerAuthentication();
        builder.Services.AddOpenApi(ApiDocumentation.Configure);
        builder.Services.AddProblemDetails(ApiProblem.ConfigureUnexpected);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestBody.MaxBytes);

        var app = builder.Build();
        app.UseExceptionHandler();

        // The documentation page is middleware, so it must come before the fallback policy that needs a token.
        ApiDocumentation.Map(app);
        app.Use(HerokuVersion.CheckAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous();
        app.MapWhoAmI();
        app.MapWolverineEndpoints(options => options.MapMartenConcurrencyFailuresToConflict());
        return app;
    }
}
