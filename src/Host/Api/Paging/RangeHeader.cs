using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace EnterpriseLedger.Host.Api.Paging;

/// <summary>
/// A list request's <c>Range</c> header in the form of Heroku's Platform API:
/// <c>&lt;field&gt; [&lt;start&gt;]..[&lt;end&gt;][; max=&lt;n&gt;][, order=asc|desc]</c>, such as
/// <c>id ..; max=10</c> or <c>name ]acme..; max=200, order=desc</c>. A <c>]</c> before the start excludes the
/// start itself. Start and end are positions in the requested order, so with <c>order=desc</c> the start is the
/// larger value.
/// </summary>
/// <param name="Start">The value the range starts at, or null to start at the first item.</param>
/// <param name="StartExclusive">Whether an item whose value equals <paramref name="Start"/> is left out.</param>
/// <param name="End">The last value to include, or null to run to the last item.</param>
/// <param name="Max">The maximum number of items on a page, from 1 to <see cref="LargestMax"/>.</param>
public sealed record RangeHeader(
    string Field, string? Start, bool StartExclusive, string? End, int Max, RangeOrder Order)
{
    public const int DefaultMax = 200;

    /// <summary>The largest page size. A request for more items gets this many.</summary>
    public const int LargestMax = 1000;

    /// <summary>The Problem Details <c>id</c> of a Range header that cannot be parsed.</summary>
    public const string InvalidRangeId = "invalid_range";

    public const string Syntax = "<field> [<start>]..[<end>][; max=<n>][, order=asc|desc]";

    /// <summary>Returns the range of a request without a Range header: every item, ascending, 200 per page.</summary>
    public static RangeHeader Default(string field) =>
        new(field, null, false, null, DefaultMax, RangeOrder.Ascending);

    /// <summary>
    /// Parses a Range header. A missing or blank header gives <see cref="Default"/> of
    /// <paramref name="defaultField"/>. On failure, <paramref name="error"/> names what is wrong and what is
    /// accepted, ready for <see cref="Problem"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="defaultField"/> is not one of the sortable fields.
    /// </exception>
    public static bool TryParse(
        string? header,
        IReadOnlyCollection<string> sortableFields,
        string defaultField,
        out RangeHeader range,
        [NotNullWhen(false)] out string? error)
    {
        if (!sortableFields.Contains(defaultField, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"The default field '{defaultField}' is not one of the sortable fields.", nameof(defaultField));
        }

        range = Default(defaultField);
        if (string.IsNullOrWhiteSpace(header))
        {
            error = null;
            return true;
        }

        var parsed = RangeHeaderSyntax.Parse(header.Trim(), sortableFields, out error);
        range = parsed ?? range;
        return parsed is not null;
    }

    /// <summary>Returns the 400 Problem Details response for an error from <see cref="TryParse"/>.</summary>
    public static IResult Problem(string error) => ApiProblem.BadRequest(InvalidRangeId, error);

    /// <summary>Formats the sortable fields for the <c>Accept-Ranges</c> header, such as <c>id, name</c>.</summary>
    public static string AcceptRanges(IEnumerable<string> sortableFields) => string.Join(", ", sortableFields);

    /// <summary>Tells whether a field value lies inside the range, comparing ordinally in the range's order.</summary>
    public bool Includes(string key)
    {
        if (Start is not null)
        {
            var fromStart = Compare(key, Start);
            if (fromStart < 0 || (StartExclusive && fromStart == 0))
            {
                return false;
            }
        }

        return End is null || Compare(key, End) <= 0;
    }

    /// <summary>Formats the range as a header value, such as <c>id ]0123..; max=10, order=desc</c>.</summary>
    public override string ToString()
    {
        var exclusive = StartExclusive && Start is not null ? "]" : "";
        var order = Order == RangeOrder.Descending ? ", order=desc" : "";
        return $"{Field} {exclusive}{Start}..{End}; max={Max}{order}";
    }

    private int Compare(string key, string bound)
    {
        var ascending = string.CompareOrdinal(key, bound);
        return Order == RangeOrder.Descending ? -ascending : ascending;
    }
}

public enum RangeOrder
{
    Ascending,
    Descending,
}
