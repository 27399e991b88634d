using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace EnterpriseLedger.Bench;

/// <summary>
/// Reads a sequence on another task, up to a bounded number of items ahead of the consumer, so that reading and
/// parsing the input overlaps with the consumer's waits on the database. The order of the items is kept.
/// </summary>
internal static class ReadAhead
{
    public static async IAsyncEnumerable<T> Buffer<T>(
        IAsyncEnumerable<T> source, int capacity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(
            new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(source, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            // A consumer that stops early must not leave the producer blocked on a full channel.
            await stop.CancelAsync();
            await producer;
        }
    }

    private static async Task ProduceAsync<T>(
        IAsyncEnumerable<T> source, ChannelWriter<T> writer, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken))
            {
                await writer.WriteAsync(item, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The consumer stopped reading, or the benchmark was cancelled and the consumer's own token throws.
        }
        catch (Exception error)
        {
            // Handed to the consumer, which throws it from its next read.
            failure = error;
        }

        writer.TryComplete(failure);
    }
}
