namespace EnterpriseLedger.Host.ProjectionCheck;

/// <summary>A projection that writes Marten documents, which <c>projections check</c> rebuilds and compares.</summary>
/// <param name="Name">The name Marten gives the projection and <c>projections rebuild -p</c> takes.</param>
/// <param name="ClassName">The projection's class, such as <c>AccessViewProjection</c>.</param>
/// <param name="DocumentTypes">The document types it writes.</param>
public sealed record CheckedProjection(string Name, string ClassName, IReadOnlyList<Type> DocumentTypes);
