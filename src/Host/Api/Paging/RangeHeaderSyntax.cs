namespace EnterpriseLedger.Host.Api.Paging;

/// <summary>The grammar of <see cref="RangeHeader"/>: field and bounds, then the max and order parameters.</summary>
internal static class RangeHeaderSyntax
{
    private const string Prefix = "Invalid Range header";

    /// <summary>Parses a trimmed, non-empty header, or returns null and an error message.</summary>
    public static RangeHeader? Parse(string header, IReadOnlyCollection<string> sortableFields, out string? error)
    {
        var semicolon = header.IndexOf(';', StringComparison.Ordinal);
        var spec = semicolon < 0 ? header : header[..semicolon].TrimEnd();
        var parameters = semicolon < 0 ? "" : header[(semicolon + 1)..];

        var space = spec.IndexOfAny([' ', '\t']);
        var bounds = space < 0 ? "" : spec[(space + 1)..].Trim();
        var separator = bounds.IndexOf("..", StringComparison.Ordinal);
        if (space < 0 || separator < 0 || bounds.IndexOf("..", separator + 2, StringComparison.Ordinal) >= 0)
        {
            error = $"{Prefix} '{header}': expected '{RangeHeader.Syntax}', such as 'id ..; max=200'.";
            return null;
        }

        var field = spec[..space];
        if (!sortableFields.Contains(field, StringComparer.Ordinal))
        {
            error = $"{Prefix}: unknown field '{field}'. Sort by one of: {string.Join(", ", sortableFields)}.";
            return null;
        }

        var start = bounds[..separator].TrimEnd();
        var exclusive = start.StartsWith(']');
        start = exclusive ? start[1..].TrimStart() : start;
        var end = bounds[(separator + 2)..].TrimStart();
        var range = new RangeHeader(
            field, NullIfEmpty(start), exclusive && start.Length > 0, NullIfEmpty(end),
            RangeHeader.DefaultMax, RangeOrder.Ascending);
        return ApplyParameters(range, parameters, out error);
    }

    /// <summary>Applies <c>max=</c> and <c>order=</c>, separated by commas or semicolons, each at most once.</summary>
    private static RangeHeader? ApplyParameters(RangeHeader range, string parameters, out string? error)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var options = StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries;
        var items = parameters.Split([',', ';'], options);
        foreach (var item in items)
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? item : item[..equals].Trim();
            var value = equals < 0 ? "" : item[(equals + 1)..].Trim();
            if (!seen.Add(name))
            {
                error = $"{Prefix}: the parameter '{name}' is given twice.";
                return null;
            }

            var next = ApplyParameter(range, name, value, out error);
            if (next is null)
            {
                return null;
            }

            range = next;
        }

        error = null;
        return range;
    }

    private static RangeHeader? ApplyParameter(RangeHeader range, string name, string value, out string? error)
    {
        error = null;
        if (name.Equals("max", StringComparison.OrdinalIgnoreCase))
        {
            var max = ParseMax(value, out error);
            return max is { } parsed ? range with { Max = parsed } : null;
        }

        if (name.Equals("order", StringComparison.OrdinalIgnoreCase))
        {
            var order = ParseOrder(value, out error);
            return order is { } parsed ? range with { Order = parsed } : null;
        }

        error = $"{Prefix}: unknown parameter '{name}'. Use max=<n> or order=asc|desc.";
        return null;
    }

    /// <summary>
    /// Parses a page size of 1 or more. A size over <see cref="RangeHeader.LargestMax"/> counts as that maximum.
    /// </summary>
    private static int? ParseMax(string value, out string? error)
    {
        if (value.Length == 0 || !value.All(char.IsAsciiDigit) || value.All(digit => digit == '0'))
        {
            error = $"{Prefix}: max must be a whole number of 1 or more, not '{value}'. "
                + $"A max over {RangeHeader.LargestMax} counts as {RangeHeader.LargestMax}.";
            return null;
        }

        error = null;
        var fits = int.TryParse(value, out var max);
        return fits ? Math.Min(max, RangeHeader.LargestMax) : RangeHeader.LargestMax;
    }

    private static RangeOrder? ParseOrder(string value, out string? error)
    {
        error = null;
        if (value.Equals("asc", StringComparison.OrdinalIgnoreCase))
        {
            return RangeOrder.Ascending;
        }

        if (value.Equals("desc", StringComparison.OrdinalIgnoreCase))
        {
            return RangeOrder.Descending;
        }

        error = $"{Prefix}: order must be asc or desc, not '{value}'.";
        return null;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
