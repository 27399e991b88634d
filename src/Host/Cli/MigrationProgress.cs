using Spectre.Console;

namespace EnterpriseLedger.Host.Cli;

/// <summary>Shows a progress bar over a file's bytes while it is migrated, when the output is a terminal.</summary>
internal static class MigrationProgress
{
    // Small files finish before a bar would be readable.
    private const long MinimumBytes = 256 * 1024;

    public static async Task RunAsync(string file, bool enabled, Func<IProgress<long>?, Task> work)
    {
        var length = new FileInfo(file).Length;
        if (!enabled
            || length < MinimumBytes
            || Console.IsOutputRedirected
            || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            await work(null);
            return;
        }

        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: length);
                await work(new Progress<long>(position => task.Value = position));
                task.Value = length;
            });
    }
}
