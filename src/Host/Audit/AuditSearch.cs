namespace EnterpriseLedger.Host.Audit;

/// <summary>The order of a search's entries: by chain position, which is also the order of their times.</summary>
public enum AuditSearchOrder
{
    Ascending,
    Descending,
}

/// <summary>An audit log search: its filters, its order and the max number of entries per page.</summary>
public sealed record AuditSearch(AuditSearchFilters Filters, AuditSearchOrder Order, int Limit)
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;
}
