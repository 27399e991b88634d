using JasperFx.Events.Projections;
using Marten;

namespace EnterpriseLedger.Host.ProjectionCheck;

/// <summary>
/// The projections of a store, split into those that write Marten documents, which a check can rebuild elsewhere
/// and compare, and the others, which write tables of their own (the audit log).
/// </summary>
public sealed class ProjectionCatalog
{
    private ProjectionCatalog(IReadOnlyList<CheckedProjection> documents, IReadOnlyList<string> others)
    {
        Documents = documents;
        Others = others;
    }

    public IReadOnlyList<CheckedProjection> Documents { get; }

    /// <summary>The names of the projections that write no Marten documents.</summary>
    public IReadOnlyList<string> Others { get; }

    public static ProjectionCatalog Of(StoreOptions options)
    {
        var sources = options.Projections.All;
        var documents = sources.Where(WritesDocuments)
            .Select(source =>
                new CheckedProjection(source.Name, source.GetType().Name, source.PublishedTypes().ToList()))
            .ToList();
        var others = sources.Where(source => !WritesDocuments(source)).Select(source => source.Name).ToList();
        return new ProjectionCatalog(documents, others);
    }

    /// <summary>
    /// Tells whether the projection publishes document types. A custom <c>IProjection</c>, such as the audit log's,
    /// publishes none, because Marten cannot know what its SQL writes.
    /// </summary>
    public static bool WritesDocuments(IProjectionSource<IDocumentOperations, IQuerySession> source) =>
        source.PublishedTypes().Any();

    /// <summary>Finds a document projection by its Marten name or its class name, ignoring case.</summary>
    public CheckedProjection? Find(string name) =>
        Documents.FirstOrDefault(projection =>
            projection.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
            || projection.ClassName.Equals(name, StringComparison.OrdinalIgnoreCase));

    public bool IsOther(string name) => Others.Contains(name, StringComparer.OrdinalIgnoreCase);
}
