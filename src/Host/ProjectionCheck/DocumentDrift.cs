namespace EnterpriseLedger.Host.ProjectionCheck;

public enum DriftKind
{
    /// <summary>The rebuild has the document and the live view does not.</summary>
    Missing,

    /// <summary>The live view has a document that the rebuild does not.</summary>
    Extra,

    /// <summary>Both have the document, with different JSON.</summary>
    Changed,
}

/// <summary>A document on which the live view and the rebuilt one disagree.</summary>
/// <param name="Id">The document's id as text.</param>
/// <param name="Fields">The fields that differ, for a changed document, and empty for the other kinds.</param>
public sealed record DocumentDrift(string Id, DriftKind Kind, IReadOnlyList<FieldDifference> Fields);

/// <summary>A field whose value differs between the live document and the rebuilt one.</summary>
/// <param name="Path">The path from the document's root, such as <c>members[2].permissions</c>.</param>
/// <param name="Live">The live value as compact JSON, or null where the live document lacks the field.</param>
/// <param name="Rebuilt">The rebuilt value as compact JSON, or null where the rebuilt document lacks the field.</param>
public sealed record FieldDifference(string Path, string? Live, string? Rebuilt);
