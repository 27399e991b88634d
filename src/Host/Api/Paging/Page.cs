namespace EnterpriseLedger.Host.Api.Paging;

/// <summary>
/// One page of a list response and the headers that describe it: <c>Content-Range</c>, and <c>Next-Range</c> when
/// more items remain, in which case the response status is 206 Partial Content instead of 200.
/// </summary>
/// <param name="NextRange">The Range header that requests the next page, or null when this page is the last.</param>
/// <param name="ContentRange">
/// The field values of the first and last item, such as <c>id 0123..89ab</c>, or null for an empty page.
/// </param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextRange, string? ContentRange)
{
    public int StatusCode => NextRange is null ? 200 : 206;
}

/// <summary>Builds a <see cref="Page{T}"/> from a Range header.</summary>
public static class Page
{
    /// <summary>
    /// Sorts the items by the range's field and order, comparing the values that <paramref name="keyOf"/> returns
    /// for that field ordinally, and takes the page the range requests. The sort is stable.
    /// </summary>
    /// <param name="keyOf">Returns an item's value of the named field, which is one of the sortable fields.</param>
    /// <remarks>
    /// NOTE: when the field is not unique, items that share the last value of a page are skipped, because the
    /// next page starts after that value.
    /// </remarks>
    public static Page<T> From<T>(IEnumerable<T> items, RangeHeader range, Func<T, string, string> keyOf)
    {
        var keyed = items.Select(item => (Item: item, Key: keyOf(item, range.Field)));
        var ordered = range.Order == RangeOrder.Descending
            ? keyed.OrderByDescending(entry => entry.Key, StringComparer.Ordinal)
            : keyed.OrderBy(entry => entry.Key, StringComparer.Ordinal);

        // Reading one item past the max shows whether another page follows.
        var selected = ordered.Where(entry => range.Includes(entry.Key)).Take(range.Max + 1).ToList();
        var page = selected.Take(range.Max).ToList();
        if (page.Count == 0)
        {
            return new Page<T>([], null, null);
        }

        var first = page[0].Key;
        var last = page[^1].Key;
        var next = selected.Count > range.Max ? range with { Start = last, StartExclusive = true } : null;
        var pageItems = page.Select(entry => entry.Item).ToList();
        return new Page<T>(pageItems, next?.ToString(), $"{range.Field} {first}..{last}");
    }
}
