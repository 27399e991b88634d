using Microsoft.Extensions.Configuration;

namespace EnterpriseLedger.Host.Hosting;

/// <summary>The configuration sources of the command line: appsettings.json, then the environment.</summary>
public static class LedgerConfiguration
{
    public static IConfiguration Build(string[] args) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
}
