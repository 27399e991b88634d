namespace EnterpriseLedger.Domain;

/// <summary>Rebuilds an aggregate from its events with the aggregate's own <c>Evolve</c> function.</summary>
public static class Aggregates
{
    public static T? Fold<T>(IEnumerable<object> events, Func<T?, object, T?> evolve) where T : class =>
        events.Aggregate(default(T), evolve);
}
