namespace EnterpriseLedger.Host.Cli;

/// <summary>
/// The arguments of one command: positional values and <c>--name value</c> options. Each command declares the
/// options it takes, so that a mistyped option is an error rather than silently ignored.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    public IReadOnlyList<string> Positionals => _positionals;

    public static CommandArguments Parse(string command, IReadOnlyList<string> args, params string[] optionNames)
    {
        var parsed = new CommandArguments();
        for (var index = 0; index < args.Count; index++)
        {
            var arg = args[index];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed._positionals.Add(arg);
                continue;
            }

            var (name, value) = SplitOption(arg, args, ref index);
            if (!optionNames.Contains(name))
            {
                var known = optionNames.Length == 0
                    ? "none"
                    : string.Join(", ", optionNames.Select(option => "--" + option));
                throw new CliException($"Unknown option --{name} for '{command}'. Options: {known}.");
            }

            parsed._options[name] = value;
        }

        return parsed;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string Option(string name, string defaultValue) => _options.GetValueOrDefault(name) ?? defaultValue;

    public string RequiredOption(string name, string example) =>
        Option(name) ?? throw new CliException($"Missing option --{name}; for example: {example}.");

    public int IntOption(string name, int defaultValue, int min, int max)
    {
        var text = Option(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new CliException($"Invalid --{name} '{text}': expected a whole number from {min} to {max}.");
    }

    public string OneOf(string name, string defaultValue, params string[] allowed)
    {
        var value = Option(name, defaultValue);
        return allowed.Contains(value)
            ? value
            : throw new CliException($"Invalid --{name} '{value}': expected one of {string.Join(", ", allowed)}.");
    }

    public string Positional(int position, string description, string example) =>
        position < _positionals.Count
            ? _positionals[position]
            : throw new CliException($"Missing {description}; for example: {example}.");

    private static (string Name, string Value) SplitOption(string arg, IReadOnlyList<string> args, ref int index)
    {
        var body = arg[2..];
        var equals = body.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            return (body[..equals], body[(equals + 1)..]);
        }

        if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new CliException($"Option --{body} needs a value.");
        }

        index++;
        return (body, args[index]);
    }
}
