using System.Text.Json;
using EnterpriseLedger.Domain.Accounts;

namespace EnterpriseLedger.Projections.Accounts;

/// <summary>
/// Shows what an Access view will be once events are appended, with the projection's own methods, so that a
/// response stored in the same transaction as the events matches the view they produce.
/// </summary>
public static class AccessViewPreview
{
    private static readonly AccessViewProjection Projection = new();

    public static AccessView Apply(AccessView current, IEnumerable<object> events)
    {
        var view = Copy(current);
        foreach (var @event in events)
        {
            Apply(view, @event);
        }

        return view;
    }

    private static void Apply(AccessView view, object @event)
    {
        switch (@event)
        {
            case AccountRenamed e: Projection.Apply(e, view); break;
            case IdentityProviderConfigured e: Projection.Apply(e, view); break;
            case IdentityProviderRemoved e: Projection.Apply(e, view); break;
            case MemberAdded e: Projection.Apply(e, view); break;
            case PermissionGranted e: Projection.Apply(e, view); break;
            case PermissionRevoked e: Projection.Apply(e, view); break;
            case MemberRemoved e: Projection.Apply(e, view); break;
            case TeamAttached e: Projection.Apply(e, view); break;
            case TeamCreated e: Projection.Apply(e, view); break;
            case TeamRenamed e: Projection.Apply(e, view); break;
            case TeamDeleted e: Projection.Apply(e, view); break;
        }

        view.Version++;
    }

    private static AccessView Copy(AccessView view) =>
        JsonSerializer.Deserialize<AccessView>(JsonSerializer.Serialize(view))
        ?? throw new InvalidOperationException("An Access view did not survive a JSON round trip.");
}
