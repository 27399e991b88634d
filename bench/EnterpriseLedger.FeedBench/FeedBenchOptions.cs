using System.Globalization;

namespace EnterpriseLedger.FeedBench;

/// <summary>The benchmark's settings, from the command line.</summary>
internal sealed record FeedBenchOptions(Uri RabbitMq, int Backlog, int Rate, int Seconds, int Accounts)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/EnterpriseLedger.FeedBench -- [options]
          --rabbitmq URI   RabbitMQ to publish to (default amqp://guest:guest@127.0.0.1:5672)
          --backlog N      events in the backlog that the feed and the relay read (default 100000)
          --rate N         appends per second during the lag run (default 1000)
          --seconds N      length of the lag run in seconds (default 30)
          --accounts N     accounts that the appends are spread over (default 200)
        """;

    /// <exception cref="FormatException">An option is unknown, has no value, or its value is invalid.</exception>
    public static FeedBenchOptions Parse(string[] args)
    {
        var options = new FeedBenchOptions(new Uri("amqp://guest:guest@127.0.0.1:5672"), 100_000, 1_000, 30, 200);
        for (var index = 0; index < args.Length; index += 2)
        {
            var value = index + 1 < args.Length
                ? args[index + 1]
                : throw new FormatException($"Missing value for {args[index]}.");
            options = args[index] switch
            {
                "--rabbitmq" => options with { RabbitMq = new Uri(value) },
                "--backlog" => options with { Backlog = Positive(args[index], value) },
                "--rate" => options with { Rate = Positive(args[index], value) },
                "--seconds" => options with { Seconds = Positive(args[index], value) },
                "--accounts" => options with { Accounts = Positive(args[index], value) },
                _ => throw new FormatException($"Unknown option {args[index]}."),
            };
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new FormatException($"Invalid {name} '{value}'; expected a positive whole number.");
}
