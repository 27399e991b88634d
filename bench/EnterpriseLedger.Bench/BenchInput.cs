using System.Diagnostics;
using EnterpriseLedger.Domain.Migrations;
using EnterpriseLedger.Host.Samples;
using Microsoft.Extensions.Logging;

namespace EnterpriseLedger.Bench;

/// <summary>
/// The generated NDJSON files in a temporary folder, deleted on disposal: the batch to measure and, for warming
/// up, a short batch that is its start.
/// </summary>
internal sealed class BenchInput : IDisposable
{
    private const string FileName = "companies.ndjson";
    private const string WarmUpFileName = "warm-up.ndjson";
    private const int WarmUpCompanies = 50;

    private readonly DirectoryInfo _folder;

    private BenchInput(DirectoryInfo folder, long bytes)
    {
        _folder = folder;
        Bytes = bytes;
    }

    public string File => Path.Combine(_folder.FullName, FileName);

    public string WarmUpFile => Path.Combine(_folder.FullName, WarmUpFileName);

    public long Bytes { get; }

    public static int WarmUpCount(int companies) => Math.Min(companies, WarmUpCompanies);

    public static async Task<BenchInput> CreateAsync(
        int companies, int seed, ILogger logger, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("ledger-bench-input-");
        var file = Path.Combine(folder.FullName, FileName);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await WriteAsync(file, SampleGenerator.Generate(companies, seed), cancellationToken);
            var warmUp = SampleGenerator.Generate(WarmUpCount(companies), seed);
            await WriteAsync(Path.Combine(folder.FullName, WarmUpFileName), warmUp, cancellationToken);
        }
        catch (Exception error) when (error is IOException or OperationCanceledException)
        {
            folder.Delete(recursive: true);
            throw;
        }

        var bytes = new FileInfo(file).Length;
        BenchLog.Generated(logger, companies, seed, bytes, stopwatch.Elapsed.TotalSeconds);
        return new BenchInput(folder, bytes);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task WriteAsync(
        string path, IEnumerable<CompanyInput> companies, CancellationToken cancellationToken)
    {
        await using var file = System.IO.File.Create(path);
        await SampleWriter.WriteNdjsonAsync(companies, file, cancellationToken);
    }
}
